/**
 * An approval memo in a browser (docs/counter.md, "Approval memos"): the owner gives a pair of earrings to a
 * customer on approval on the Approval memos page, then — the customer keeping them — bills them on the Counter
 * sale page with "Bill the pieces" and cash; the memo closes with the earrings bought. The page gives at the branch
 * it offers first (Bengaluru), so the earrings are one of the design's Bengaluru articles (No. 6–7) that the demo's
 * year left free: its exchanges may have taken one.
 */
import { adminApi as api, adminToken, base, logIn, useBrowser } from "./browser"

jest.setTimeout(180 * 1000)

type Memo = { id: string; number: string; status: string; branch: { id: string }; summary: { out: number; sold: number } }

describe("an approval memo in a browser", () => {
  const browser = useBrowser()

  it("gives earrings on approval, then bills them at the counter from the memo", async () => {
    const page = browser.page()
    const token = await adminToken()
    const { customer } = await api<{ customer: { id: string } }>(token, "/admin/crm/customers", { first_name: "Kavya", last_name: "Mehta", phone: "98200 66661" })
    type Tag = { stock: { branch_code: string; available: number }[]; on_approval: unknown[] }
    const free = async (tag: string) => {
      const found = await api<Tag>(token, `/admin/jewelry/tags/${tag}`)
      return found.stock.some((s) => s.branch_code === "BLR" && s.available === 1) && !found.on_approval.length
    }
    const articles = ["SGJ-EAR-JHM-22K-6", "SGJ-EAR-JHM-22K-7"]
    const jhumkas = articles[(await Promise.all(articles.map(free))).indexOf(true)]
    expect(jhumkas).toBeDefined()
    await logIn(page)

    await page.goto(`${base}/app/approval-memos`)
    await page.getByRole("heading", { name: "Approval memos" }).waitFor({ timeout: 60_000 })
    await page.getByPlaceholder("Name, phone or email").fill("98200 66661")
    await page.getByRole("button", { name: /Kavya Mehta/ }).first().click()
    await page.getByLabel(/Tags, one a line/).fill(jhumkas)
    await page.getByRole("button", { name: "Give on approval" }).click()
    await page.getByRole("heading", { name: /\/AP\d{2}-\d{2}\/\d+: Kavya Mehta/ }).waitFor({ timeout: 30_000 })
    await page.getByRole("cell", { name: "With the customer" }).waitFor()

    const { memos } = await api<{ memos: Memo[] }>(token, `/admin/approval-memos?customer_id=${customer.id}`)
    const [memo] = memos
    expect([memo.status, memo.summary.out]).toEqual(["open", 1])
    const { quote } = await api<{ quote: { to_pay: number } }>(token, "/admin/pos/quote", { branch_id: memo.branch.id, customer_id: customer.id, items: [{ tag_code: jhumkas }], memo_id: memo.id })

    await page.goto(`${base}/app/pos`)
    await page.getByRole("heading", { name: "Counter sale" }).waitFor({ timeout: 60_000 })
    await page.getByPlaceholder("Name, phone or email").fill("98200 66661")
    await page.getByRole("button", { name: /Kavya Mehta/ }).first().click()
    await page.getByText(new RegExp(`${memo.number.replace(/\//g, "\\/")}: 1 piece with the customer`)).waitFor({ timeout: 30_000 })
    await page.getByRole("button", { name: "Bill the pieces" }).click()
    await page.getByText("to pay").waitFor({ timeout: 30_000 })
    await page.getByPlaceholder("Amount (₹)").fill(quote.to_pay.toFixed(2))
    await page.getByText("Settled").waitFor()
    await page.getByRole("button", { name: "Record sale" }).click()
    await page.getByText(/Last sale: .*order #\d+/).waitFor({ timeout: 60_000 })

    const { memo: after } = await api<{ memo: Memo }>(token, `/admin/approval-memos/${memo.id}`)
    expect([after.status, after.summary.out, after.summary.sold]).toEqual(["closed", 0, 1])
  })
})
