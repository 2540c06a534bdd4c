/**
 * The counter in a browser: staff log in, make a counter sale on the Counter
 * sale page (customer, a scanned tag, cash for the bill) and find it in the
 * day's reconciliation on the Payments page. The app was started by the e2e
 * layer exactly as `npm start` starts it (launcher/e2e.ts).
 */
import { adminApi as api, adminToken, base, logIn, useBrowser } from "./browser"

jest.setTimeout(180 * 1000)

describe("the counter in a browser", () => {
  const browser = useBrowser()

  it("sells a coin at the counter for cash and shows it in the day's reconciliation", async () => {
    const page = browser.page()
    const token = await adminToken()
    const { customers } = await api<{ customers: { id: string; first_name: string; last_name: string }[] }>(token, `/admin/crm/customers?q=${encodeURIComponent("98201 00002")}`)
    const customer = customers[0]
    const { branches } = await api<{ branches: { id: string; code: string; name: string }[] }>(token, "/admin/branches?limit=100")
    const { quote } = await api<{ quote: { to_pay: number } }>(token, "/admin/pos/quote", { branch_id: branches[0].id, customer_id: customer.id, items: [{ tag_code: "SGJ-COIN-24K-5G" }] })

    await logIn(page)

    await page.goto(`${base}/app/pos`)
    await page.getByRole("heading", { name: "Counter sale" }).waitFor({ timeout: 60_000 })
    await page.getByPlaceholder("Name, phone or email").fill("98201 00002")
    await page.getByRole("button", { name: new RegExp(`${customer.first_name} ${customer.last_name}`) }).first().click()
    await page.getByLabel("Tag code (scan or type, Enter)").fill("SGJ-COIN-24K-5G")
    await page.getByLabel("Tag code (scan or type, Enter)").press("Enter")
    await page.getByText("to pay").waitFor({ timeout: 30_000 })
    await page.getByPlaceholder("Amount (₹)").fill(quote.to_pay.toFixed(2))
    await page.getByText("Settled").waitFor()
    await page.getByRole("button", { name: "Record sale" }).click()
    await page.getByText(/Last sale: .*order #\d+/).waitFor({ timeout: 60_000 })

    await page.goto(`${base}/app/payments`)
    await page.getByRole("heading", { name: "Payments" }).waitFor({ timeout: 60_000 })
    await page.getByRole("heading", { name: branches[0].name }).waitFor({ timeout: 30_000 })
    await expect(page.getByRole("cell", { name: "Cash" }).first().isVisible()).resolves.toBe(true)
    await expect(page.getByRole("heading", { name: "Counter sales" }).isVisible()).resolves.toBe(true)
  })
})
