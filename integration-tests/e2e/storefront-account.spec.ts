/**
 * Signing in to the storefront by phone, in Debian's Chromium: a counter
 * customer asks for a code, which the app sends through Twilio's API (on
 * loopback, read back here with Twilio's SDK); a wrong code is refused with
 * the tries left, the right one opens their account with their points,
 * offers and orders, and their invoice downloads, while someone else's
 * does not. On a phone, a new number signs up with a name.
 */
import type { Page } from "playwright-core"
import { adminApi, adminToken, appFetch, launchChromium, screenshotTest } from "./browser"
import { accountTestCustomer, codeSentTo, latestSid, type PaidOrder } from "./storefront-customers"

jest.setTimeout(180 * 1000)

const storefront = process.env.E2E_STOREFRONT_URL!


async function openPage(viewport: { width: number; height: number }, mobile: boolean): Promise<{ page: Page; close: () => Promise<void> }> {
  const browser = await launchChromium()
  const context = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile })
  return { page: await context.newPage(), close: () => browser.close() }
}

describe("signing in to the storefront by phone", () => {
  let page: Page
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ page, close } = await openPage({ width: 1440, height: 1000 }, false))
  })
  afterAll(() => close?.())
  afterEach(() => screenshotTest(page))

  it("opens a counter customer's account with the code sent to their number: points, orders, their invoice and not another's", async () => {
    const token = await adminToken()
    const chosen = await accountTestCustomer(token)
    expect(chosen).toBeDefined()
    const { order, phone, firstName } = chosen!
    const { orders } = await adminApi<{ orders: PaidOrder[] }>(token, "/admin/orders?limit=50&order=-created_at&fields=id,customer_id,payment_status")
    const paid = orders.filter((o) => o.customer_id && o.payment_status === "captured")
    const other = paid.find((o) => o.customer_id !== order.customer_id)!

    await page.goto(`${storefront}/sign-in`, { waitUntil: "networkidle" })
    const before = await latestSid(phone)
    // Typed as customers type it: the ten digits, with a space.
    await page.getByLabel("Mobile number").fill(`${phone.slice(3, 8)} ${phone.slice(8)}`)
    await page.getByRole("button", { name: "Send me a code" }).click()
    // The shop's answer, whichever it is: a refusal fails here with its words.
    const answer = page.locator("form.sign-in p.notice, form.sign-in p.error")
    await answer.waitFor()
    expect(await answer.innerText()).toMatch(/^We sent a 6-digit code to /)
    const code = await codeSentTo(phone, before)

    await page.getByLabel("The 6-digit code").fill(code === "000000" ? "111111" : "000000")
    await page.getByRole("button", { name: "Sign in", exact: true }).click()
    await page.getByRole("alert").filter({ hasText: "That code is not right. 4 tries left." }).waitFor()

    await page.getByLabel("The 6-digit code").fill(code)
    await page.getByRole("button", { name: "Sign in", exact: true }).click()
    await page.waitForURL(`${storefront}/account`)
    await page.getByRole("heading", { name: `Namaste, ${firstName}` }).waitFor()
    await page.getByRole("heading", { name: "Your points" }).waitFor()
    expect(await page.locator(".price-now").innerText()).toMatch(/^[\d,]+ points worth ₹/)
    await page.getByRole("link", { name: "Your account" }).waitFor()

    const row = page.locator("table[aria-label='Orders'] tr").filter({ hasText: `#${order.display_id} ·` })
    const href = await row.getByRole("link", { name: "Invoice (PDF)" }).getAttribute("href")
    expect(href).toBe(`/account/orders/${order.id}/invoice`)
    const invoice = await page.request.get(`${storefront}${href}`)
    expect([invoice.status(), invoice.headers()["content-type"]]).toEqual([200, "application/pdf"])
    expect((await invoice.body()).subarray(0, 5).toString()).toBe("%PDF-")
    // Someone else's order: not found, as if it did not exist; and without a sign-in, nothing.
    const theirs = await page.request.get(`${storefront}/account/orders/${other.id}/invoice`)
    expect(theirs.status()).toBe(404)
    expect((await appFetch(`${storefront}${href}`)).status).toBe(401)

    // Signed in, a product page books a visit to the branch that has the piece.
    await page.goto(`${storefront}/products?branch=PUN`)
    await page.locator("ul.grid .card a").first().click()
    const booking = page.getByRole("form", { name: "See it in a branch" })
    const chosenBranch = await booking.getByLabel("Branch").locator("option:checked").innerText()
    expect(chosenBranch).toMatch(/ \(has this piece\)$/)
    const day = new Date(Date.now() + (3 * 24 + 5.5) * 3600_000).toISOString().slice(0, 10)
    await booking.getByLabel("Day").fill(day)
    await booking.getByLabel("Time (India time)").selectOption("11:30")
    await booking.getByRole("button", { name: "Book" }).click()
    await booking.getByRole("status").filter({ hasText: `Booked: a visit to ${chosenBranch.replace(" (has this piece)", "")} on ${day} at 11:30.` }).waitFor()

    await page.goto(`${storefront}/account`)
    await page.getByRole("button", { name: "Sign out" }).click()
    await page.getByRole("link", { name: "Sign in" }).waitFor()
    expect((await page.request.get(`${storefront}${href}`)).status()).toBe(401)
  })
})

describe("signing up on the storefront by phone, on a phone", () => {
  let page: Page
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ page, close } = await openPage({ width: 390, height: 844 }, true))
  })
  afterAll(() => close?.())
  afterEach(() => screenshotTest(page))

  it("makes a new number's account with the name given, after its code", async () => {
    const phone = "+919876512345"
    await page.goto(`${storefront}/sign-in`, { waitUntil: "networkidle" })
    const before = await latestSid(phone)
    await page.getByLabel("Mobile number").fill("98765 12345")
    await page.getByRole("button", { name: "Send me a code" }).click()
    const code = await codeSentTo(phone, before)
    await page.getByLabel("The 6-digit code").fill(code)
    await page.getByRole("button", { name: "Sign in", exact: true }).click()
    await page.getByRole("status").filter({ hasText: "Tell us your name" }).waitFor()
    await page.getByLabel("First name").fill("Kavya")
    await page.getByRole("button", { name: "Open my account" }).click()
    await page.waitForURL(`${storefront}/account`)
    await page.getByRole("heading", { name: "Namaste, Kavya" }).waitFor()
    await page.getByText("+919876512345").waitFor()
    await page.getByText("No orders yet.").waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  })
})
