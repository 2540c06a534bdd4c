import { isUnder, matchesRoute, plainPath, respelling } from "../request-path"

describe("request paths", () => {
  it("finds the spellings Express routes like the plain one", () => {
    expect(respelling("/admin/audit")).toBeNull()
    expect(respelling("/admin/audit/")).toBeNull()
    expect(respelling("/admin/audit?q=%41")).toBeNull()
    expect(respelling("/store/products/a%2Fb")).toBeNull()
    expect(respelling("/auth/user/emailpas%73")).toMatch(/"%73" stands for "s"/)
    expect(respelling("/hooks/payment/razorpay%5Frazorpay")).toMatch(/"%5F" stands for "_"/)
    expect(respelling("/admin//audit")).toMatch(/empty segment/)
    expect(respelling("/admin/x/../audit")).toMatch(/dot segment/)
    expect(respelling("/admin/./audit")).toMatch(/dot segment/)
  })

  it("writes the plain spelling", () => {
    expect(plainPath("/auth/user/emailpas%73")).toBe("/auth/user/emailpass")
    expect(plainPath("//admin//audit/")).toBe("/admin/audit")
    expect(plainPath("/admin/x/../audit?limit=1")).toBe("/admin/audit")
    expect(plainPath("/admin/%2e%2e/admin/audit")).toBe("/admin/audit")
    expect(plainPath("/store/products/a%2fb")).toBe("/store/products/a%2Fb")
    expect(plainPath("/admin/crm/customers/cus_01ABC")).toBe("/admin/crm/customers/cus_01ABC")
  })

  it("matches routes as Express does: static segments in any case, a parameter as one segment", () => {
    expect(matchesRoute("/auth/:actor_type/:auth_provider", "/AUTH/user/emailpass")).toBe(true)
    expect(matchesRoute("/admin/audit", "/admin/AUD%49T/")).toBe(true)
    expect(matchesRoute("/admin/audit", "/admin/audits")).toBe(false)
    expect(matchesRoute("/admin/orders/:id", "/admin/orders")).toBe(false)
    expect(isUnder("/hooks/payment", "/Hooks/PAYMENT/razorpay_razorpay")).toBe(true)
    expect(isUnder("/hooks/payment", "/hooks/paymentx")).toBe(false)
  })
})
