import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ShopSuite } from "../support/runner"
import { createStaffUser } from "../../src/scripts/demo-shop/seed-staff"
import { demoShop, expectStatus, ok, type Headers } from "./helpers"

const PASSWORD = "Staff-password-1"

export const priceOverridesSuite: ShopSuite = ({ api, getContainer }) => {
  let owner: Headers
  let manager: Headers
  let managerId: string
  let sales: Headers
  let draft: { email: string; region_id: string; sales_channel_id: string; items: { variant_id: string; quantity: number; unit_price?: number }[] }

  async function staff(email: string, role: "branch_manager" | "sales_staff", branchId: string): Promise<{ id: string; headers: Headers }> {
    const id = await createStaffUser(getContainer(), { email, password: PASSWORD, first_name: role, last_name: "Mumbai", role, branch_ids: [branchId] })
    const { data } = await ok(api.post("/auth/user/emailpass", { email, password: PASSWORD }))
    return { id: id!, headers: { headers: { authorization: `Bearer ${data.token}` } } }
  }

  beforeAll(async () => {
    ;({ auth: owner } = await demoShop(getContainer(), api))
    const { data: branches } = await getContainer()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "branch", fields: ["id", "code", "sales_channel.id"], filters: { code: "MUM" } })
    const mumbai = branches[0] as unknown as { id: string; sales_channel: { id: string } }
    ;({ id: managerId, headers: manager } = await staff("manager.mum@example.in", "branch_manager", mumbai.id))
    ;({ headers: sales } = await staff("sales.mum@example.in", "sales_staff", mumbai.id))
    const { data: regions } = await ok(api.get("/admin/regions?fields=id", owner))
    const { data: products } = await ok(api.get("/admin/products?limit=1&fields=id,variants.id", owner))
    draft = {
      email: "walk.in@example.in",
      region_id: regions.regions[0].id,
      sales_channel_id: mumbai.sales_channel.id,
      items: [{ variant_id: products.products[0].variants[0].id, quantity: 1 }],
    }
  })

  const draftCount = async () => (await ok(api.get("/admin/draft-orders?fields=id&limit=1", owner))).data.count as number

  it("refuses a price set by hand by sales staff on Medusa's order routes, however the path is spelled, and writes nothing", async () => {
    const before = await draftCount()
    const priced = { ...draft, items: [{ ...draft.items[0], unit_price: 1 }] }
    for (const path of ["/admin/draft-orders", "/ADMIN/Draft-Orders", "/admin/draft-orders/"]) {
      const res = await expectStatus(api.post(path, priced, sales))
      expect([path, res.status, res.data.message]).toEqual([path, 403, expect.stringContaining("may not set a price by hand (items[0].unit_price")])
    }
    // Decided on the body before any record is looked up: an order edit's line, a shipping amount, a credit line.
    const elsewhere: [string, Record<string, unknown>, string][] = [
      ["/admin/order-edits/order_x/items/item/item_x", { quantity: 1, unit_price: 100 }, "unit_price"],
      ["/admin/order-edits/order_x/items", { items: [{ variant_id: "variant_x", quantity: 1, compare_at_unit_price: 9, unit_price: 1 }] }, "items[0].compare_at_unit_price, items[0].unit_price"],
      ["/admin/draft-orders/order_x/edit/shipping-methods", { shipping_option_id: "so_x", custom_amount: 0 }, "custom_amount"],
      ["/admin/exchanges/exc_x/outbound/items", { items: [{ variant_id: "variant_x", quantity: 1, unit_price: 1 }] }, "items[0].unit_price"],
      ["/admin/orders/order_x/credit-lines", { amount: 100000, reference: "order", reference_id: "order_x" }, "amount"],
    ]
    for (const [path, body, fields] of elsewhere) {
      const res = await expectStatus(api.post(path, body, sales))
      expect([path, res.status, res.data.message]).toEqual([path, 403, expect.stringContaining(`(${fields} in POST`)])
    }
    expect(await draftCount()).toBe(before)
    // The catalogue's price is theirs to charge: the same draft order without a price is made.
    const plain = await ok(api.post("/admin/draft-orders", draft, sales))
    expect(plain.data.draft_order.items[0].unit_price).toBeGreaterThan(1)
  })

  it("lets a branch manager set a price within their limit off a bill, and audits who set which price where", async () => {
    // The catalogue's price of the piece, and the branch manager's ₹5,000 off a bill (docs/counter.md).
    const catalogue = (await ok(api.post("/admin/draft-orders", draft, owner))).data.draft_order.items[0].unit_price as number
    expect(catalogue).toBeGreaterThan(6_000)
    const before = await draftCount()
    const tooLow = await expectStatus(api.post("/admin/draft-orders", { ...draft, items: [{ ...draft.items[0], unit_price: catalogue - 5_000.01 }] }, manager))
    expect([tooLow.status, tooLow.data.message]).toEqual([403, expect.stringContaining("This change takes ₹5,000.01 off the catalogue's prices (POST /admin/draft-orders); a branch manager may take ₹5,000.00 off a bill")])
    expect(await draftCount()).toBe(before)
    const { data } = await ok(api.post("/admin/draft-orders", { ...draft, items: [{ ...draft.items[0], unit_price: catalogue - 5_000 }] }, manager))
    expect(data.draft_order.items[0].unit_price).toBe(catalogue - 5_000)
    const { data: audit } = await ok(api.get("/admin/audit?action=order.price_set", owner))
    expect(audit.audit_entries).toEqual([
      expect.objectContaining({
        actor_id: managerId,
        entity: "draft_order",
        metadata: expect.objectContaining({ route: "POST /admin/draft-orders", prices: [{ at: "items[0].unit_price", value: catalogue - 5_000 }], role: "branch_manager" }),
      }),
    ])

    // An existing line edited: measured from the line's own price. A price above it takes nothing off.
    const id = data.draft_order.id as string
    const itemId = data.draft_order.items[0].id as string
    await ok(api.post(`/admin/draft-orders/${id}/edit`, {}, manager))
    const lower = await expectStatus(api.post(`/ADMIN/draft-orders/${id}/edit/ITEMS/item/${itemId}`, { quantity: 2, unit_price: catalogue - 5_000 - 2_600 }, manager))
    expect([lower.status, lower.data.message]).toEqual([403, expect.stringContaining("takes ₹5,200.00 off")])
    const higher = await expectStatus(api.post(`/admin/draft-orders/${id}/edit/items/item/${itemId}`, { quantity: 1, unit_price: catalogue }, manager))
    expect([higher.status, higher.data.message]).toEqual([200, undefined])
    // The owner has no limit.
    expect((await ok(api.post("/admin/draft-orders", { ...draft, items: [{ ...draft.items[0], unit_price: 1 }] }, owner))).data.draft_order.items[0].unit_price).toBe(1)
  })
}
