/**
 * Savings schemes in a browser: the owner offers a scheme on the Savings schemes page (a term beyond the 365-day
 * rule refused first), enrols a customer in it and takes the first instalment by UPI; the passbook shows it. The app was started by the e2e layer exactly as `npm start`
 * starts it (launcher/e2e.ts).
 */
import { adminToken, appFetch, base, logIn, useBrowser } from "./browser"

jest.setTimeout(180 * 1000)

describe("savings schemes in a browser", () => {
  const browser = useBrowser()

  it("offers a scheme, enrols a customer and takes the first instalment", async () => {
    const token = await adminToken()
    const found = await appFetch(`${base}/admin/crm/customers?q=${encodeURIComponent("98201 00003")}`, { headers: { authorization: `Bearer ${token}` } })
    const customer = ((await found.json()) as { customers: { first_name: string; last_name: string }[] }).customers[0]
    const page = browser.page()
    await logIn(page)

    await page.goto(`${base}/app/schemes`)
    await page.getByRole("heading", { name: "Savings schemes" }).waitFor({ timeout: 60_000 })
    // The owner offers the scheme on the page; a term outside the rules is refused with the field named first.
    await page.getByLabel("Code", { exact: true }).fill("E2E11")
    await page.getByLabel("Name", { exact: true }).fill("Browser 11+1")
    await page.getByLabel("Instalment (₹)").fill("2500")
    await page.getByLabel("Matures after (months)").fill("13")
    await page.getByRole("button", { name: "Offer this scheme" }).click()
    await page.getByText(/maturity_months/).first().waitFor({ timeout: 30_000 })
    await page.getByLabel("Matures after (months)").fill("12")
    await page.getByRole("button", { name: "Offer this scheme" }).click()
    await page.getByText("Offered: Browser 11+1").waitFor({ timeout: 30_000 })
    await page.getByRole("cell", { name: "E2E11", exact: true }).waitFor({ timeout: 30_000 })
    await page.getByRole("combobox").first().click()
    await page.getByRole("option", { name: /Browser 11\+1/ }).click()
    await page.getByPlaceholder("Name, phone or email").fill("98201 00003")
    await page.getByRole("button", { name: new RegExp(`${customer.first_name} ${customer.last_name}`) }).first().click()
    await page.getByRole("button", { name: "Enrol", exact: true }).click()
    await page.getByText(/Enrolled: card [A-Z0-9]+\/SC\d{2}-\d{2}\/\d+/).waitFor({ timeout: 30_000 })
    await page.getByText("Paid 0 of 11").waitFor({ timeout: 30_000 })
    await page.getByLabel("Reference (UTR, approval code)").fill("UTR 3141")
    await page.getByRole("button", { name: /Take instalment 1/ }).click()
    await page.getByText("Paid 1 of 11").waitFor({ timeout: 30_000 })
    await expect(page.getByRole("cell", { name: "UPI · UTR 3141" }).isVisible()).resolves.toBe(true)
  })
})
