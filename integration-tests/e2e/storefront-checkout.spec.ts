/**
 * Buying a piece on the storefront, in Debian's Chromium on a phone-sized
 * screen: a customer signs in by phone, puts a piece in stock at a branch in
 * the bag, applies an offer code and points, chooses to pick it up at the
 * branch, pays through Razorpay's checkout (the loopback's stand-in for the
 * widget; Razorpay's API on loopback), and sees the order placed with its
 * invoice; the order is in the customer's 360 in the admin.
 */
import type { Page } from "playwright-core"
import { adminApi, adminToken, launchChromium, screenshotTest } from "./browser"
import { waitFor } from "../support/wait"
import { accountTestCustomer, chooseBranchPickup, codeSentTo, customersWithPaidOrders, latestSid } from "./storefront-customers"

jest.setTimeout(240 * 1000)

const storefront = process.env.E2E_STOREFRONT_URL!
async function signIn(page: Page, phone: string) {
  const before = await latestSid(phone)
  await page.goto(`${storefront}/sign-in`, { waitUntil: "networkidle" })
  await page.getByLabel("Mobile number").fill(phone)
  await page.getByRole("button", { name: "Send me a code" }).click()
  // The shop's answer, whichever it is: a refusal fails here with its words.
  const answer = page.locator("form.sign-in p.notice, form.sign-in p.error")
  await answer.waitFor()
  expect(await answer.innerText()).toMatch(/^We sent a 6-digit code to /)
  await page.getByLabel("The 6-digit code").fill(await codeSentTo(phone, before))
  await page.getByRole("button", { name: "Sign in", exact: true }).click()
  await page.waitForURL(`${storefront}/account`)
}

describe("buying a piece on the storefront, on a phone", () => {
  let page: Page
  let close: () => Promise<void>
  beforeAll(async () => {
    const browser = await launchChromium()
    page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage()
    close = () => browser.close()
  })
  afterAll(() => close?.())
  afterEach(() => screenshotTest(page))

  it("puts a piece in the bag, takes an offer code and points, pays with Razorpay, and the order is in the customer's 360", async () => {
    const token = await adminToken()
    // A customer of the demo shop with a phone and points enough to use.
    // Not the account test's number (demo customers recorded twice share one): a number gets one code each 30 s.
    const other = (await accountTestCustomer(token))?.phone
    let customer: { id: string; phone: string } | undefined
    for await (const found of customersWithPaidOrders(token)) {
      const { loyalty } = await adminApi<{ loyalty: { balance: number; can_redeem: boolean } }>(token, `/admin/loyalty/customers/${found.id}`)
      if (found.phone !== other && loyalty.can_redeem && loyalty.balance >= 200) {
        customer = found
        break
      }
    }
    expect(customer).toBeDefined()
    // An offer code as the shop's campaigns issue them: a Medusa promotion with a code.
    const code = `E2E${Date.now().toString(36).toUpperCase()}`
    await adminApi(token, "/admin/promotions", {
      code,
      type: "standard",
      status: "active",
      is_automatic: false,
      application_method: { type: "fixed", target_type: "order", allocation: "across", value: 500, currency_code: "inr" },
    })

    await signIn(page, customer!.phone)
    // A piece in stock at Mumbai.
    await page.goto(`${storefront}/products?branch=MUM&metal=gold&sort=price-asc`)
    await page.locator("ul.grid .card a").first().click()
    await page.getByRole("button", { name: "Add to bag" }).click()
    await page.waitForURL(`${storefront}/cart`)
    const total = async () => Number((await page.locator("tr.total td").innerText()).replace(/[₹,]/g, ""))
    const before = await total()

    await page.getByRole("textbox", { name: "Offer code" }).fill(code.toLowerCase())
    await page.getByRole("button", { name: "Apply" }).click()
    await page.getByRole("status").filter({ hasText: "Your offer is applied." }).waitFor()
    await page.reload()
    const withOffer = await total()
    expect(withOffer).toBeLessThan(before)

    await page.getByLabel(/^Points to use/).fill("100")
    await page.getByRole("button", { name: "Use points" }).click()
    await page.getByRole("status").filter({ hasText: "Your points are applied." }).waitFor()
    await page.reload()
    const withPoints = await total()
    expect(withPoints).toBeLessThan(withOffer)

    await chooseBranchPickup(page, { name: "Asha", address: "12 Kalbadevi Road", city: "Mumbai", pin: "400002" })

    await page.getByRole("button", { name: /^Pay ₹[\d,.]+ with Razorpay$/ }).click()
    await page.waitForURL(/\/order\/order_/, { timeout: 60_000 })
    await page.getByRole("heading", { name: /^Thank you! Order #\d+ is placed$/ }).waitFor()
    const orderId = page.url().split("/order/")[1]
    const invoice = await page.request.get(`${storefront}/account/orders/${orderId}/invoice`)
    expect([invoice.status(), invoice.headers()["content-type"]]).toEqual([200, "application/pdf"])
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)

    // Paid online, the order is the customer's like any other: in their 360.
    // (The 360's purchase figures are kept by a subscriber to order.placed: wait for it.)
    await waitFor("the order in the customer's 360", async () => {
      const view = await adminApi<{ purchases: { recent_orders: { id: string }[] } }>(token, `/admin/crm/customers/${customer!.id}/360`)
      return view.purchases.recent_orders.some((o) => o.id === orderId)
    })
  })
})
