/**
 * Old gold in a browser: staff weigh and test an old chain on the Old gold page, value it at the buying rate,
 * issue an exchange voucher, and sell a coin at the counter against its credit. The app was started by the
 * e2e layer exactly as `npm start` starts it (launcher/e2e.ts).
 */
import { adminApi as api, adminToken, base, logIn, useBrowser } from "./browser"

jest.setTimeout(180 * 1000)

describe("old gold in a browser", () => {
  const browser = useBrowser()

  it("values an old chain, issues an exchange voucher and sets it against a counter sale", async () => {
    const token = await adminToken()
    await api(token, "/admin/old-gold/buying-rates", { rates: [{ metal: "gold", purity: 916, rate_per_g_paise: 6_000_00 }] })
    const { customers } = await api<{ customers: { first_name: string; last_name: string }[] }>(token, `/admin/crm/customers?q=${encodeURIComponent("98201 00004")}`)
    const customer = customers[0]
    const page = browser.page()
    await logIn(page)

    await page.goto(`${base}/app/old-gold`)
    await page.getByRole("heading", { name: "Old gold", exact: true }).waitFor({ timeout: 60_000 })
    await page.getByPlaceholder("Name, phone or email").fill("98201 00004")
    await page.getByRole("button", { name: new RegExp(`${customer.first_name} ${customer.last_name}`) }).first().click()
    await page.getByLabel("Article", { exact: true }).fill("chain, broken clasp")
    await page.getByLabel("Gross weight (g)").fill("2")
    await page.getByRole("button", { name: "Value", exact: true }).click()
    // 2 g at 916, 2 % melting loss: 1.795 g payable fine at ₹6,000/g of 916.
    await page.getByText("1.795 g").waitFor({ timeout: 30_000 })
    await page.getByRole("button", { name: "Issue voucher" }).click()
    await page.getByText(/Voucher [A-Z0-9]+\/OG\d{2}-\d{2}\/\d+ issued/).waitFor({ timeout: 30_000 })
    const voucherNumber = (await page.getByText(/Voucher [A-Z0-9]+\/OG\d{2}-\d{2}\/\d+ issued/).first().textContent())!.match(/[A-Z0-9]+\/OG\d{2}-\d{2}\/\d+/)![0]
    await page.getByRole("cell", { name: voucherNumber }).waitFor({ timeout: 30_000 })

    // At the counter the voucher's number pays part of the bill.
    const { vouchers } = await api<{ vouchers: { number: string; sale_credit_paise: number }[] }>(token, "/admin/old-gold/vouchers?limit=1")
    expect(vouchers[0].number).toBe(voucherNumber)
    await page.goto(`${base}/app/pos`)
    await page.getByRole("heading", { name: "Counter sale" }).waitFor({ timeout: 60_000 })
    await page.getByPlaceholder("Name, phone or email").fill("98201 00004")
    await page.getByRole("button", { name: new RegExp(`${customer.first_name} ${customer.last_name}`) }).first().click()
    await page.getByLabel("Tag code (scan or type, Enter)").fill("SGJ-COIN-24K-5G")
    await page.getByLabel("Tag code (scan or type, Enter)").press("Enter")
    await page.getByText("to pay").waitFor({ timeout: 30_000 })
    await page.getByRole("combobox").nth(1).click()
    await page.getByRole("option", { name: "Old gold" }).click()
    await page.getByPlaceholder("Amount (₹)").first().fill((vouchers[0].sale_credit_paise / 100).toFixed(2))
    await page.getByPlaceholder("Voucher no.").fill(voucherNumber)
    await page.getByRole("button", { name: "Add tender" }).click()
    await page.getByRole("button", { name: "Record sale" }).click()
    await page.getByText(/Last sale: .*order #\d+/).waitFor({ timeout: 60_000 })
  })
})
