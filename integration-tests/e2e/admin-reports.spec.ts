/**
 * The reports in a browser, on the demo shop's year of orders: the owner
 * reads the year's sales by branch (figures, chart, table), exports them as
 * CSV and every line behind them, sees the staff, loyalty and campaigns,
 * reads the stock by branch and by age and the movers; the Mumbai manager sees
 * Mumbai only. The app was started by the e2e
 * layer exactly as `npm start` starts it (launcher/e2e.ts).
 */
import { text } from "node:stream/consumers"
import type { SalesReport } from "../../src/types/http"
import { adminApi as api, adminToken, base, demoStaff, logIn, useBrowser } from "./browser"

jest.setTimeout(180 * 1000)

const indiaDay = (offsetDays = 0) => new Date(Date.now() + 5.5 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
const inr = (paise: number) => new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR", minimumFractionDigits: 2 }).format(paise / 100)

describe("the sales reports in a browser", () => {
  const browser = useBrowser()
  const from = indiaDay(-364)
  const to = indiaDay()

  it("shows the owner the year's sales by branch beside last year, and exports the table as CSV", async () => {
    const report = await api<SalesReport>(await adminToken(), `/admin/reports/sales?group_by=branch&from=${from}&to=${to}`)
    // The demo shop's orders are sales of its three branches.
    expect(report.rows.map((r) => r.label).sort()).toEqual(["Bengaluru – Commercial Street", "Mumbai – Zaveri Bazaar", "Pune – Laxmi Road"])
    expect(report.totals.bills).toBeGreaterThan(1000)

    const page = browser.page()
    await logIn(page)
    await page.goto(`${base}/app/reports`)
    await page.getByRole("heading", { name: "Sales" }).waitFor({ timeout: 60_000 })
    await page.getByLabel("From").fill(from)
    await page.getByLabel("Group by").click()
    await page.getByRole("option", { name: "Branch" }).click()
    // The sales table comes first; the staff table below it adds up to the same totals.
    for (const row of report.rows) {
      await page.getByRole("row", { name: new RegExp(row.label) }).getByText(inr(row.revenue_paise)).first().waitFor({ timeout: 30_000 })
    }
    await page.getByRole("row", { name: /Total/ }).getByText(inr(report.totals.revenue_paise)).first().waitFor()
    await page.getByText("Sales before GST").first().waitFor()
    await expect(page.getByLabel("Sales chart").isVisible()).resolves.toBe(true)

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export sales as CSV" }).click()])
    expect(download.suggestedFilename()).toBe(`sales-by-branch_${from}_${to}.csv`)
    // Every line behind it, streamed.
    const [lines] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export every line" }).click()])
    expect(lines.suggestedFilename()).toBe(`sales-lines_${from}_${to}.csv`)

    // Who sold it, and the points and campaigns.
    await page.getByRole("heading", { name: "Staff", exact: true }).waitFor()
    const staff = await api<{ totals: { bills: number } }>(await adminToken(), `/admin/reports/staff?from=${from}&to=${to}`)
    expect(staff.totals.bills).toBe(report.totals.bills)
    await page.getByRole("heading", { name: "Loyalty and campaigns" }).waitFor()
    await page.getByText(/points issued, .* redeemed, .* expired in the period/).waitFor({ timeout: 30_000 })

    // The customers behind the sales, with the cohort heat map.
    const buyers = await api<{ mix: { customers: number } }>(await adminToken(), `/admin/reports/customers?from=${from}&to=${to}`)
    await page.getByRole("heading", { name: "Customers", exact: true }).waitFor()
    await page.getByText(`${buyers.mix.customers.toLocaleString("en-IN")} customers bought in the period`).waitFor({ timeout: 30_000 })
    await page.getByRole("heading", { name: "Top customers" }).waitFor()
    await expect(page.getByLabel("Cohorts", { exact: true }).isVisible()).resolves.toBe(true)

    // The stock below: by branch, with its value at today's rates, and by age.
    const stock = await api<{ totals: { metal_value_paise: number } }>(await adminToken(), "/admin/reports/stock?group_by=branch")
    await page.getByRole("heading", { name: "Stock", exact: true }).waitFor()
    await page.getByRole("row", { name: /Total/ }).getByText(inr(stock.totals.metal_value_paise)).waitFor({ timeout: 30_000 })
    await page.getByLabel("Group stock by").click()
    await page.getByRole("option", { name: "Age" }).click()
    await page.getByRole("cell", { name: "0–90 days", exact: true }).waitFor({ timeout: 30_000 })
    await page.getByRole("heading", { name: "Dead stock (in the branch over a year)" }).waitFor()

    // What sells and what waits.
    const movers = await api<{ fast: { label: string }[] }>(await adminToken(), "/admin/reports/movers?days=90")
    await page.getByRole("heading", { name: "Fast and slow movers" }).waitFor()
    await page.getByRole("cell", { name: movers.fast[0].label, exact: true }).first().waitFor({ timeout: 30_000 })

    // For the accounts: the year's invoices and credit notes (the demo year's, issued by the seed) as Tally vouchers.
    await page.getByRole("heading", { name: "For the accounts" }).waitFor()
    const [tally] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export for Tally" }).click()])
    expect(tally.suggestedFilename()).toBe(`tally_${from}_${to}.xml`)
    // Read through the browser connection: the layer's Chromium may be another process's (browser.ts).
    const xml = await text(await tally.createReadStream())
    expect(xml).toContain("<TALLYREQUEST>Import Data</TALLYREQUEST>")
    // A voucher a document, well over a thousand in the demo year.
    expect((xml.match(/<VOUCHER VCHTYPE="Sales"/g) ?? []).length).toBeGreaterThan(1000)
    expect(xml).toContain('<VOUCHER VCHTYPE="Credit Note"')
  })

  it("shows the Mumbai manager Mumbai's sales only", async () => {
    const page = await browser.otherPage()
    await logIn(page, demoStaff("manager.mumbai@jewel-crm.local"))
    await page.goto(`${base}/app/reports`)
    await page.getByRole("heading", { name: "Sales" }).waitFor({ timeout: 60_000 })
    await page.getByLabel("From").fill(from)
    await page.getByLabel("Group by").click()
    await page.getByRole("option", { name: "Branch" }).click()
    // In the sales table and in the stock table below it.
    await page.getByRole("cell", { name: "Mumbai – Zaveri Bazaar" }).first().waitFor({ timeout: 30_000 })
    await expect(page.getByRole("cell", { name: "Pune – Laxmi Road" }).count()).resolves.toBe(0)
  })
})
