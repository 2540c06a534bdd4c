/**
 * A stock count in a browser (docs/counter.md, "Stock audit"): the owner opens
 * a count of a branch on the Stock audit page and scans tags the way a
 * barcode scanner types them (the code, then Enter, into the box that keeps
 * the focus): a piece the branch holds is expected, a code no piece has is
 * unknown, the same tag again is refused; closing the count leaves the
 * pieces not scanned as missing. Nothing is posted: the other browser tests
 * sell from the same stock.
 */
import { adminApi as api, adminToken, base, logIn, useBrowser } from "./browser"

jest.setTimeout(180 * 1000)

type Audit = {
  id: string
  status: string
  summary: { lines: Record<string, number>; quantity: Record<string, number>; counted: { tags: number }; expected: { quantity: number } }
}

describe("a stock audit in a browser", () => {
  const browser = useBrowser()

  it("counts a branch by scanning tags, refuses a tag scanned twice and closes with the missing pieces", async () => {
    const page = browser.page()
    const token = await adminToken()
    await logIn(page)

    await page.goto(`${base}/app/stock-audit`)
    await page.getByRole("heading", { name: "Stock audit" }).waitFor({ timeout: 60_000 })
    await page.getByRole("button", { name: "Open audit" }).click()
    await page.getByLabel(/Tag code \(scan or type, Enter\)/).waitFor({ timeout: 30_000 })

    const scan = async (code: string, answer: string) => {
      // Typed into whatever has the focus, as a scanner does: the box must have kept it.
      await page.keyboard.type(code)
      await page.keyboard.press("Enter")
      await page.getByRole("status").getByText(answer).waitFor({ timeout: 30_000 })
    }
    await page.getByLabel(/Tag code \(scan or type, Enter\)/).focus()
    await scan("SGJ-COIN-24K-5G", "SGJ-COIN-24K-5G: Expected here")
    await scan("NO-SUCH-TAG-0001", "NO-SUCH-TAG-0001: Unknown tag: no piece has it")
    await scan("SGJ-COIN-24K-5G", "SGJ-COIN-24K-5G: refused")
    await expect(page.getByRole("status").getByText(/already scanned in this audit/).isVisible()).resolves.toBe(true)

    await page.getByRole("button", { name: "Close audit" }).click()
    // The confirmation's own button.
    await page.getByRole("alertdialog").getByRole("button", { name: "Close audit" }).click()
    await page.getByRole("button", { name: "Post adjustments" }).waitFor({ timeout: 30_000 })

    const { audits } = await api<{ audits: Audit[] }>(token, "/admin/stock-audits?limit=1")
    const [audit] = audits
    expect([audit.status, audit.summary.counted.tags, audit.summary.lines.unknown]).toEqual(["closed", 2, 1])
    // One coin counted of what the branch holds; every other piece it holds is missing.
    expect(audit.summary.quantity.missing).toBe(audit.summary.expected.quantity - 1)
  })
})
