/**
 * The admin as staff use it, in Debian's Chromium: log in, open a demo
 * customer, and see the Customer 360 widget with that customer's profile and
 * purchases, then the CRM page. The app was started by the e2e layer exactly
 * as `npm start` starts it (launcher/e2e.ts).
 */
import path from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"

jest.setTimeout(180 * 1000)

const base = process.env.E2E_BASE_URL!
const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! }

async function adminToken(): Promise<string> {
  const res = await fetch(`${base}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(admin),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

describe("admin in a browser", () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH,
      headless: true,
      // The machine has no network beyond the app: keep Chromium from calling home.
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    })
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  })

  afterAll(async () => {
    await browser?.close()
  })

  afterEach(async () => {
    if (page && process.env.E2E_ARTIFACTS) {
      await page.screenshot({ path: path.join(process.env.E2E_ARTIFACTS, `${expect.getState().currentTestName?.replace(/\W+/g, "-")}.png`), fullPage: true }).catch(() => undefined)
    }
  })

  it("logs in, opens a demo customer and shows the Customer 360 widget", async () => {
    // Demo customer no. 1, found by phone as staff would type it.
    const token = await adminToken()
    const search = await fetch(`${base}/admin/crm/customers?q=${encodeURIComponent("98201 00001")}`, { headers: { authorization: `Bearer ${token}` } })
    const { customers } = (await search.json()) as { customers: { id: string; first_name: string; last_name: string }[] }
    expect(customers).toHaveLength(1)
    const customer = customers[0]
    const view = (await (await fetch(`${base}/admin/crm/customers/${customer.id}/360`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      profile: { phone: string }
    }

    await page.goto(`${base}/app/login`)
    await page.locator('input[name="email"]').fill(admin.email)
    await page.locator('input[name="password"]').fill(admin.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 60_000 })

    await page.goto(`${base}/app/customers/${customer.id}`)
    await page.getByRole("heading", { name: "Customer 360" }).waitFor({ timeout: 60_000 })
    await page.getByText("Lifetime value").waitFor()
    await expect(page.getByText(view.profile.phone).first().isVisible()).resolves.toBe(true)
    await expect(page.getByText("Favourite metal").isVisible()).resolves.toBe(true)
    await expect(page.getByRole("button", { name: "Log interaction" }).isVisible()).resolves.toBe(true)
    await expect(page.getByText("Recent orders").isVisible()).resolves.toBe(true)
  })

  it("shows the CRM page with today's follow-ups and a customer search", async () => {
    await page.goto(`${base}/app/crm`)
    await page.getByRole("heading", { name: "Follow-ups due today and overdue" }).waitFor({ timeout: 60_000 })
    await page.getByPlaceholder(/Name, email, phone/).fill("98201 00001")
    // The list narrows to the one customer with that phone (the search waits for typing to pause).
    await page.waitForFunction(() => document.querySelector("table tbody")?.querySelectorAll("tr").length === 1, undefined, { timeout: 30_000 })
    await expect(page.locator("table tbody tr").first().innerText()).resolves.toContain("+919820100001")
  })

  it("shows the Messages page and previews a Hindi template before saving", async () => {
    await page.goto(`${base}/app/messages`)
    await page.getByRole("heading", { name: "Messages", exact: true }).waitFor({ timeout: 60_000 })
    await page.getByRole("heading", { name: "Templates" }).waitFor()
    await page.getByLabel("Template").fill("नमस्ते {{customer_name}}, ऑर्डर {{order_number}} मिला। – {{shop_name}}")
    await page.getByRole("button", { name: "Preview" }).click()
    await page.getByText("नमस्ते Meera, ऑर्डर #1042 मिला। – Shree Ganesh Jewellers").waitFor({ timeout: 30_000 })
  })
})
