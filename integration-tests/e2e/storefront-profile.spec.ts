/**
 * A customer's own pages on the storefront, on a phone, in Debian's Chromium:
 * a new number signs up, tells the shop about themselves (the CRM profile
 * staff see, with the consent stamped as the storefront's), saves a piece to
 * the wishlist and takes it off, reads the passbook of a savings scheme
 * opened for them at a branch and goes to pay its instalment online; and
 * the pages read in Hindi after the language switch.
 */
import type { Page } from "playwright-core"
import { adminApi, adminToken, launchChromium, screenshotTest } from "./browser"
import { chooseBranchPickup, codeSentTo, latestSid } from "./storefront-customers"

jest.setTimeout(180 * 1000)

const storefront = process.env.E2E_STOREFRONT_URL!
// This file's own number: a number gets one sign-in code each 30 s.
const PHONE = "+919876523456"

type CrmCustomer = { id: string }
type Profile = { birthday: string | null; ring_size: string | null; preferred_metals: string[]; consents: Record<string, { status: string; source: string }> | null }

describe("a customer's own pages on the storefront, on a phone", () => {
  let page: Page
  let close: () => Promise<void>
  let customerId: string
  let token: string
  beforeAll(async () => {
    const browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    page = await context.newPage()
    close = () => browser.close()
    token = await adminToken()

    await page.goto(`${storefront}/sign-in`, { waitUntil: "networkidle" })
    const before = await latestSid(PHONE)
    await page.getByLabel("Mobile number").fill(PHONE.slice(3))
    await page.getByRole("button", { name: "Send me a code" }).click()
    await page.getByLabel("The 6-digit code").fill(await codeSentTo(PHONE, before))
    await page.getByRole("button", { name: "Sign in", exact: true }).click()
    await page.getByLabel("First name").fill("Meera")
    await page.getByRole("button", { name: "Open my account" }).click()
    await page.waitForURL(`${storefront}/account`)
    const { customers } = await adminApi<{ customers: CrmCustomer[] }>(token, `/admin/crm/customers?q=${encodeURIComponent(PHONE.slice(3))}`)
    expect(customers).toHaveLength(1)
    customerId = customers[0].id
  })
  afterAll(() => close?.())
  afterEach(() => screenshotTest(page))

  it("keeps what they tell the shop about themselves, in the CRM profile staff see", async () => {
    await page.getByRole("link", { name: "About you: occasions, sizes, preferences" }).click()
    await page.getByLabel("Birthday").fill("1992-08-15")
    await page.getByLabel("Ring size (Indian)").selectOption("12")
    await page.getByRole("checkbox", { name: "Gold", exact: true }).check()
    await page.getByRole("checkbox", { name: "Offers and reminders on WhatsApp" }).check()
    await page.getByRole("button", { name: "Save" }).click()
    await page.getByRole("status").filter({ hasText: "Saved. Thank you!" }).waitFor()

    const { profile } = await adminApi<{ profile: Profile }>(token, `/admin/crm/customers/${customerId}/profile`)
    expect(profile).toEqual(
      expect.objectContaining({
        birthday: expect.stringMatching(/^1992-08-15/),
        ring_size: "12",
        preferred_metals: ["gold"],
        consents: expect.objectContaining({ whatsapp: expect.objectContaining({ status: "granted", source: "storefront" }) }),
      })
    )
    // The form shows what was saved, and a box unticked withdraws the consent.
    await page.reload()
    expect(await page.getByLabel("Birthday").inputValue()).toBe("1992-08-15")
    await page.getByRole("checkbox", { name: "Offers and reminders on WhatsApp" }).uncheck()
    await page.getByRole("button", { name: "Save" }).click()
    await page.getByRole("status").filter({ hasText: "Saved. Thank you!" }).waitFor()
    const after = await adminApi<{ profile: Profile }>(token, `/admin/crm/customers/${customerId}/profile`)
    expect(after.profile.consents?.whatsapp).toEqual(expect.objectContaining({ status: "revoked", source: "storefront" }))
  })

  it("saves a piece to the wishlist, once however often, and takes it off", async () => {
    await page.goto(`${storefront}/products?metal=gold&sort=price-asc`)
    await page.locator("ul.grid .card a").first().click()
    const title = await page.getByRole("heading", { level: 1 }).innerText()
    for (let i = 0; i < 2; i++) {
      await page.getByRole("button", { name: "Save to wishlist" }).click()
      await page.getByRole("status").filter({ hasText: "Saved to your wishlist." }).waitFor()
    }
    await page.getByRole("link", { name: "See your wishlist" }).click()
    await page.waitForURL(`${storefront}/account/wishlist`)
    await page.getByText("1 piece saved").waitFor()
    await page.getByRole("link", { name: title }).waitFor()
    await page.getByRole("button", { name: `Remove: ${title}` }).click()
    await page.getByText("Nothing saved yet.").waitFor()
  })

  it("shows the passbook of a scheme opened at a branch, and sends them to pay its instalment online", async () => {
    const { branches } = await adminApi<{ branches: { id: string; code: string }[] }>(token, "/admin/branches?limit=50")
    const branch = branches.find((b) => b.code === "MUM") ?? branches[0]
    const { template } = await adminApi<{ template: { id: string } }>(token, "/admin/schemes/templates", {
      code: "WEB11",
      name: "Swarna Sanchay",
      kind: "amount",
      instalment_paise: 5_000_00,
      instalments: 11,
      maturity_months: 12,
      bonus: { type: "instalments", count: 1 },
      grace_days: 7,
      early_closure_after: 6,
    })
    const { scheme } = await adminApi<{ scheme: { id: string; number: string } }>(token, "/admin/schemes/enrolments", {
      idempotency_key: "e2e-storefront-passbook-1",
      template_id: template.id,
      branch_id: branch.id,
      customer_id: customerId,
    })

    await page.goto(`${storefront}/account`)
    await page.getByRole("link", { name: "Your savings schemes (passbook)" }).click()
    const card = page.getByRole("region", { name: `Swarna Sanchay · card ${scheme.number} Running` })
    await card.waitFor()
    await card.getByText("0 of 11 instalments paid: ₹0").waitFor()
    expect(await card.locator("table tbody tr").count()).toBe(11)
    // Razorpay's page is on the internet: the test stands in for it, to see where the shopper is sent.
    await page.route("https://rzp.io/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Razorpay</title>Pay" }))
    await card.getByRole("button", { name: "Pay instalment 1 (₹5,000) online" }).click()
    await page.waitForURL(/^https:\/\/rzp\.io\/rzp\//)
  })

  it("pays for a piece with PayPal: back from PayPal without paying keeps the bag, approved on PayPal places the order", async () => {
    // A piece at Bengaluru: the checkout file buys Mumbai's cheapest, and a piece is sold once.
    await page.goto(`${storefront}/products?branch=BLR&metal=gold&sort=price-asc`)
    await page.locator("ul.grid .card a").first().click()
    await page.getByRole("button", { name: "Add to bag" }).click()
    await page.waitForURL(`${storefront}/cart`)
    await chooseBranchPickup(page, { name: "Meera", address: "4 Brigade Road", city: "Bengaluru", pin: "560001" })
    const total = await page.locator("tr.total td").innerText()

    const payWithPaypal = page.getByRole("button", { name: `Pay ${total} with PayPal` })
    await payWithPaypal.click()
    // PayPal's page (on loopback) shows the bag's amount in rupees.
    await page.getByRole("heading", { name: `Pay INR ${total.replace(/[₹,]/g, "")}`, exact: false }).waitFor()
    await page.getByRole("button", { name: "Cancel and return" }).click()
    await page.getByText("You came back from PayPal without paying.").waitFor()

    await payWithPaypal.click()
    await page.getByRole("button", { name: "Pay Now" }).click()
    await page.waitForURL(/\/order\/order_/, { timeout: 60_000 })
    await page.getByRole("heading", { name: /^Thank you! Order #\d+ is placed$/ }).waitFor()
    const orderId = page.url().split("/order/")[1]
    const { order } = await adminApi<{ order: { payment_status: string; customer_id: string; payment_collections: { payments: { provider_id: string }[] }[] } }>(
      token,
      `/admin/orders/${orderId}?fields=payment_status,customer_id,payment_collections.payments.provider_id`
    )
    expect(order).toEqual(expect.objectContaining({ payment_status: "captured", customer_id: customerId }))
    expect(order.payment_collections.flatMap((c) => c.payments.map((p) => p.provider_id))).toEqual(["pp_paypal_paypal"])
  })

  it("reads in Hindi after the language switch, and back in English", async () => {
    await page.goto(`${storefront}/account/profile`)
    await page.getByRole("button", { name: "हिन्दी" }).click()
    await page.waitForURL(`${storefront}/account/profile`)
    await page.getByRole("heading", { name: "आपके बारे में" }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("hi")
    expect(await page.getByLabel("जन्मदिन").inputValue()).toBe("1992-08-15")
    await page.getByRole("link", { name: "गहने", exact: true }).click()
    await page.getByRole("heading", { level: 1 }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("hi")
    await page.getByRole("button", { name: "English" }).click()
    await page.getByRole("link", { name: "Jewellery", exact: true }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en")
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  })
})

describe("signing in to the storefront by email", () => {
  let page: Page
  let close: () => Promise<void>
  beforeAll(async () => {
    const browser = await launchChromium()
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    close = () => browser.close()
  })
  afterAll(() => close?.())
  afterEach(() => screenshotTest(page))

  it("opens an account with an email and a password, refuses a wrong password, and signs in with the right one", async () => {
    const email = `anjali.${Date.now()}@example.in`
    await page.goto(`${storefront}/sign-in`, { waitUntil: "networkidle" })
    await page.getByText("Use your email and a password instead").click()
    const opening = page.getByRole("form", { name: "New here? Open an account with your email" })
    await opening.getByLabel("Your name").fill("Anjali")
    await opening.getByLabel("Email").fill(email)
    await opening.getByLabel("Password (8 characters or more)").fill("Anjali-password-1")
    await opening.getByRole("button", { name: "Open an account" }).click()
    await page.waitForURL(`${storefront}/account`)
    await page.getByRole("heading", { name: "Namaste, Anjali" }).waitFor()
    await page.getByText(email).waitFor()
    await page.getByRole("button", { name: "Sign out" }).click()
    await page.getByRole("link", { name: "Sign in" }).waitFor()

    await page.goto(`${storefront}/sign-in`, { waitUntil: "networkidle" })
    await page.getByText("Use your email and a password instead").click()
    const form = page.getByRole("form", { name: "Sign in with email" })
    await form.getByLabel("Email").fill(email)
    await form.getByLabel("Password (8 characters or more)").fill("Not-her-password-1")
    await form.getByRole("button", { name: "Sign in with email" }).click()
    await form.getByRole("alert").waitFor()
    expect(page.url()).toBe(`${storefront}/sign-in`)
    // The email typed stays; the password is typed again.
    expect(await form.getByLabel("Email").inputValue()).toBe(email)
    await form.getByLabel("Password (8 characters or more)").fill("Anjali-password-1")
    await form.getByRole("button", { name: "Sign in with email" }).click()
    await page.waitForURL(`${storefront}/account`)
    await page.getByRole("heading", { name: "Namaste, Anjali" }).waitFor()
  })
})
