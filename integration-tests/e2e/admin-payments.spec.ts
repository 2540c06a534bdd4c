/**
 * The counter in a browser: staff log in, make a counter sale on the Counter
 * sale page (customer, a scanned tag, cash for the bill) and find it in the
 * day's reconciliation on the Payments page; a salesperson's discount beyond
 * their limit goes to the owner's approvals queue and is sold once approved. The app was started by the e2e
 * layer exactly as `npm start` starts it (launcher/e2e.ts).
 */
import { adminApi as api, adminToken, base, demoStaff, logIn, useBrowser } from "./browser"

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

  it("lets a salesperson ask for a discount beyond their limit, the owner approve it in the queue, and the sale go through at it — with a printed estimate", async () => {
    const sales = demoStaff("sales.pune@jewel-crm.local")
    const ownerToken = await adminToken()
    const salesToken = await adminToken(sales)
    const { customer } = await api<{ customer: { id: string; first_name: string } }>(salesToken, "/admin/crm/customers", { first_name: "Tanvi", last_name: "Gokhale", phone: "98200 77771" })
    const { branches } = await api<{ branches: { id: string; code: string }[] }>(salesToken, "/admin/branches?limit=100")
    const pune = branches.find((b) => b.code === "PUN")!
    // ₹600 off the bill: a salesperson may give ₹500 (docs/counter.md).
    const bill = { branch_id: pune.id, customer_id: customer.id, items: [{ tag_code: "SGJ-COIN-24K-5G" }], bill_discount: 600 }
    const { quote } = await api<{ quote: { to_pay: number; beyond_limits: string[] } }>(salesToken, "/admin/pos/quote", bill)
    expect(quote.beyond_limits).toEqual([expect.stringContaining("₹600.00 off the bill (your limit ₹500.00)")])

    const page = browser.page()
    await page.context().clearCookies()
    await logIn(page, sales)
    await page.goto(`${base}/app/pos`)
    await page.getByRole("heading", { name: "Counter sale" }).waitFor({ timeout: 60_000 })
    // The salesperson's own branch is the only one offered.
    await page.getByText("Pune").first().waitFor({ timeout: 30_000 })
    await page.getByPlaceholder("Name, phone or email").fill("98200 77771")
    await page.getByRole("button", { name: /Tanvi Gokhale/ }).first().click()
    await page.getByLabel("Tag code (scan or type, Enter)").fill("SGJ-COIN-24K-5G")
    await page.getByLabel("Tag code (scan or type, Enter)").press("Enter")
    await page.getByText("to pay").waitFor({ timeout: 30_000 })
    await page.getByLabel("Discount on the bill (₹, before GST)").fill("600")
    await page.getByText(/Beyond your limits: ₹600\.00 off the bill/).waitFor({ timeout: 30_000 })
    await page.getByRole("button", { name: "Print estimate" }).click()
    await page.getByText(/Estimate E-PUN-\d{6}/).waitFor({ timeout: 30_000 })
    await page.getByLabel("Why this discount").fill("Wedding order, regular customer")
    await page.getByRole("button", { name: "Ask a manager" }).click()
    await page.getByText(/Manager's approval: pending/).waitFor({ timeout: 30_000 })

    // The owner, signed in elsewhere, approves it from the queue below the counter.
    const owner = await browser.otherPage()
    await logIn(owner)
    await owner.goto(`${base}/app/pos`)
    await owner.getByText("Wedding order, regular customer").waitFor({ timeout: 60_000 })
    await owner.getByRole("button", { name: "Approve" }).first().click()
    await owner.getByText("Approved").first().waitFor({ timeout: 30_000 })
    // The owner's table of limits below: sales staff ₹500 off a bill, the metal rate raised only.
    await owner.getByRole("heading", { name: "Price limits" }).waitFor({ timeout: 30_000 })
    await expect(owner.getByLabel("Sales staff: off the bill").inputValue()).resolves.toBe("500")
    await expect(owner.getByText("May raise it only").first().isVisible()).resolves.toBe(true)

    await page.getByText(/Manager's approval: approved/).waitFor({ timeout: 30_000 })
    await page.getByPlaceholder("Amount (₹)").fill(quote.to_pay.toFixed(2))
    await page.getByText("Settled").waitFor()
    await page.getByRole("button", { name: "Record sale" }).click()
    await page.getByText(/Last sale: .*order #\d+/).waitFor({ timeout: 60_000 })
    const { audit_entries } = await api<{ audit_entries: { metadata: { bill_discount_paise: number; approved_by: string | null; reason: string | null } }[] }>(ownerToken, "/admin/audit?action=pos.discount")
    expect(audit_entries[0].metadata).toMatchObject({ bill_discount_paise: 600_00, approved_by: expect.any(String), reason: "Wedding order, regular customer" })
  })
})
