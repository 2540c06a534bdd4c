import fs from "node:fs"
import path from "node:path"
import { listMedusaRouteFiles, listRouteFiles } from "../../../integration-tests/support/route-files"
import { CORE_AREAS, isAllowed, isListedRoute, permissionTable, ROUTE_RULES, ruleFor, STAFF_ROLES } from "../access-matrix"

describe("access matrix", () => {
  it("has a line for every admin route the app serves", () => {
    const missing = listRouteFiles()
      .filter((r) => r.path.startsWith("/admin/"))
      .filter((r) => !isListedRoute(r.method, r.path))
      .map((r) => `${r.method} ${r.path}`)
    expect(missing).toEqual([])
  })

  it("lists no route twice", () => {
    const keys = ROUTE_RULES.map((r) => `${r.method} ${r.path}`)
    expect(keys.length).toBe(new Set(keys).size)
  })

  it("keeps sales staff away from metal rates, prices, the loyalty programme, templates and unmasked PAN", () => {
    const denied = [
      ruleFor("POST", "/admin/metal-rates"),
      ruleFor("POST", "/admin/jewelry/variants/variant_1/attributes"),
      ruleFor("POST", "/admin/products/prod_1/variants/variant_1"),
      ruleFor("POST", "/admin/price-lists"),
      ruleFor("POST", "/admin/loyalty/program"),
      ruleFor("POST", "/admin/messages/templates"),
      ruleFor("GET", "/admin/crm/customers/cus_1/pan"),
      ruleFor("POST", "/admin/loyalty/customers/cus_1/adjust"),
      ruleFor("POST", "/admin/payments/pay_1/refund"),
    ]
    for (const rule of denied) {
      expect([rule.path, isAllowed("sales_staff", rule.resource, rule.action)]).toEqual([rule.path, false])
    }
    const allowed = [
      ruleFor("GET", "/admin/metal-rates"),
      ruleFor("POST", "/admin/crm/customers"),
      ruleFor("POST", "/admin/crm/customers/cus_1/interactions"),
      ruleFor("POST", "/admin/crm/tasks/task_1/complete"),
      ruleFor("POST", "/admin/pos/orders"),
      ruleFor("POST", "/admin/loyalty/customers/cus_1/redeem"),
      ruleFor("GET", "/admin/users/me"),
    ]
    for (const rule of allowed) {
      expect([rule.path, isAllowed("sales_staff", rule.resource, rule.action)]).toEqual([rule.path, true])
    }
  })

  it("lets the accountant see reports, invoices and payments but not edit customers", () => {
    expect(isAllowed("accountant", "reports", "read")).toBe(true)
    expect(isAllowed("accountant", "invoices", "write")).toBe(true)
    expect(isAllowed("accountant", "payments", "write")).toBe(true)
    const edit = ruleFor("POST", "/admin/crm/customers")
    expect(isAllowed("accountant", edit.resource, edit.action)).toBe(false)
    const coreEdit = ruleFor("POST", "/admin/customers/cus_1")
    expect(isAllowed("accountant", coreEdit.resource, coreEdit.action)).toBe(false)
  })

  it("lets the auditor read everything but the unmasked PAN and the backups (owner only), and change nothing", () => {
    for (const rule of ROUTE_RULES) {
      const allowed = isAllowed("auditor", rule.resource, rule.action)
      expect([rule.method, rule.path, allowed]).toEqual([rule.method, rule.path, rule.action === "read" && rule.resource !== "pii" && rule.resource !== "backups"])
    }
  })

  it("gives the owner everything and only the owner the staff roles and settings", () => {
    for (const role of STAFF_ROLES) {
      expect([role, isAllowed(role, "staff", "write")]).toEqual([role, role === "owner"])
      expect([role, isAllowed(role, "settings", "write")]).toEqual([role, role === "owner"])
    }
  })

  it("matches static segments before parameters and Medusa's routes by prefix", () => {
    expect(ruleFor("POST", "/admin/crm/customers/merge")).toMatchObject({ resource: "customer_merges", action: "write" })
    expect(ruleFor("GET", "/admin/crm/customers/duplicates?limit=5")).toMatchObject({ resource: "customers", action: "read" })
    expect(ruleFor("GET", "/admin/orders/order_1")).toMatchObject({ resource: "orders", action: "read" })
    expect(ruleFor("DELETE", "/admin/promotions/promo_1")).toMatchObject({ resource: "offers", action: "write" })
    expect(ruleFor("POST", "/admin/regions")).toMatchObject({ resource: "settings", action: "write" })
    expect(ruleFor("HEAD", "/admin/products")).toMatchObject({ resource: "catalog", action: "read" })
  })

  it("decides on the path as Express routes it: any letter case, escapes, dot segments, doubled slashes", () => {
    for (const spelling of ["/admin/AUDIT", "/admin/Audit/", "/admin/aud%69t", "//admin//audit", "/admin/x/../audit", "/admin/./audit"]) {
      expect([spelling, ruleFor("GET", spelling)]).toEqual([spelling, expect.objectContaining({ resource: "audit", action: "read" })])
    }
    expect(ruleFor("GET", "/admin/loyalty/LIABILITY")).toMatchObject({ resource: "reports" })
    expect(ruleFor("GET", "/admin/crm/customers/cus_01ABC/PAN")).toMatchObject({ resource: "pii", action: "reveal" })
    expect(ruleFor("POST", "/ADMIN/Metal-Rates")).toMatchObject({ resource: "metal_rates", action: "write" })
    expect(ruleFor("GET", "/admin/INVITES")).toMatchObject({ resource: "invites" })
  })

  it("gives every admin route, ours and Medusa's, the same decision in any letter case, with or without a trailing slash", () => {
    const routes = [...listMedusaRouteFiles(["admin"]), ...listRouteFiles(undefined, "admin")]
    expect(routes.length).toBeGreaterThan(400)
    const differ: string[] = []
    for (const route of routes) {
      const url = route.path.replace(/:[a-z_]+/g, "Id_01AbC")
      const plain = ruleFor(route.method, url)
      const spellings = [url.toUpperCase().replace(/ID_01ABC/g, "Id_01AbC"), `${url}/`, url.replace(/\/admin\/([a-z])/, (_, c: string) => `/Admin/${c.toUpperCase()}`)]
      for (const spelling of spellings) {
        const rule = ruleFor(route.method, spelling)
        if (rule.resource !== plain.resource || rule.action !== plain.action) {
          differ.push(`${route.method} ${spelling}: ${rule.resource}:${rule.action}, plain ${plain.resource}:${plain.action}`)
        }
      }
      if (plain.resource === "unlisted") {
        differ.push(`${route.method} ${route.path} is not named by the matrix`)
      }
    }
    expect(differ).toEqual([])
  })

  it("refuses by default: a path no line names is the owner's alone", () => {
    const rule = ruleFor("GET", "/admin/no-such-area/1")
    expect(rule.resource).toBe("unlisted")
    for (const role of STAFF_ROLES) {
      expect([role, isAllowed(role, "unlisted", "read")]).toEqual([role, role === "owner"])
      expect([role, isAllowed(role, "invites", "read")]).toEqual([role, role === "owner"])
    }
  })

  it("names every area of Medusa's admin API", () => {
    const adminApi = path.join(path.dirname(require.resolve("@medusajs/medusa/package.json")), "dist/api/admin")
    const areas = fs.readdirSync(adminApi, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
    expect(areas.length).toBeGreaterThan(40)
    expect(areas.filter((a) => !(a in CORE_AREAS))).toEqual([])
  })

  it("prints a table with a row per resource and a column per role", () => {
    const table = permissionTable().split("\n")
    expect(table[0]).toBe("| resource | Owner | Branch manager | Sales staff | Accountant | Auditor (read-only) |")
    expect(table.find((l) => l.startsWith("| metal_rates"))).toBe("| metal_rates — Metal rates | read, write | read, write | read | read | read |")
  })

  it("is printed in docs/security.md as it is", () => {
    const doc = fs.readFileSync(path.resolve(__dirname, "../../../docs/security.md"), "utf8")
    expect(doc).toContain(permissionTable())
  })
})
