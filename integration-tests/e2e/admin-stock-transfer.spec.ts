/**
 * A stock transfer in a browser (docs/counter.md, "Stock transfers"): the owner sends a 10 g coin from Mumbai to
 * Pune on the Stock transfers page, scans it in at Pune the way a barcode scanner types (the code, then Enter)
 * and closes the receipt; the transfer is received with the coin in Pune's stock. Other browser tests sell the
 * 5 g coin and the rings, not this coin.
 */
import { adminApi as api, adminToken, base, logIn, useBrowser } from "./browser"

jest.setTimeout(180 * 1000)

type Transfer = { id: string; number: string; status: string; summary: { sent: { quantity: number }; received: { quantity: number }; short: { quantity: number } } }

describe("a stock transfer in a browser", () => {
  const browser = useBrowser()

  it("sends a piece from Mumbai to Pune, scans it in at Pune and closes the receipt", async () => {
    const page = browser.page()
    const token = await adminToken()
    await logIn(page)

    await page.goto(`${base}/app/stock-transfers`)
    await page.getByRole("heading", { name: "Stock transfers" }).waitFor({ timeout: 60_000 })
    const choose = async (label: string, option: RegExp) => {
      await page.getByRole("combobox", { name: label }).click()
      await page.getByRole("option", { name: option }).click()
    }
    await choose("From branch", /^Mumbai/)
    await choose("To branch", /^Pune/)
    await page.getByLabel("Carrier").fill("Staff courier, Ramesh")
    await page.getByLabel(/Tags, one a line/).fill("SGJ-COIN-24K-10G")
    await page.getByRole("button", { name: "Send pieces" }).click()

    const receive = page.getByLabel(/Scan the pieces received at Pune/)
    await receive.waitFor({ timeout: 30_000 })
    await receive.focus()
    await page.keyboard.type("sgj-coin-24k-10g")
    await page.keyboard.press("Enter")
    await page.getByRole("status").getByText(/SGJ-COIN-24K-10G: Received/).waitFor({ timeout: 30_000 })

    await page.getByRole("button", { name: "Close receipt" }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Close receipt" }).click()
    await page.getByText(/^MUM\/DC.* received: 1 of 1, 0 short$/).waitFor({ timeout: 30_000 })

    const { transfers } = await api<{ transfers: Transfer[] }>(token, "/admin/stock-transfers?limit=1")
    const [transfer] = transfers
    expect([transfer.status, transfer.summary.sent.quantity, transfer.summary.received.quantity, transfer.summary.short.quantity]).toEqual(["received", 1, 1, 0])
    expect(transfer.number).toMatch(/^MUM\/DC/)
  })
})
