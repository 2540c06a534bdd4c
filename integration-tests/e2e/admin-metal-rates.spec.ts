/**
 * The Metal rates page in Debian's Chromium: the owner sees the demo shop's
 * 90 days of shop-wide rates drawn as a step line (recharts) with the low,
 * high and latest rate.
 */
import { logIn, base, useBrowser } from "./browser"

jest.setTimeout(180 * 1000)

describe("metal rates in a browser", () => {
  const browser = useBrowser()

  it("draws the rate history of the first metal and purity", async () => {
    const page = browser.page()
    await logIn(page)
    await page.goto(`${base}/app/metal-rates`)
    const chart = page.getByRole("img", { name: /^Rate history of / })
    await chart.waitFor({ timeout: 60_000 })
    await page.locator(".recharts-line-curve").first().waitFor()
    const d = await page.locator(".recharts-line-curve").first().getAttribute("d")
    // A step line over many published rates: a path of many segments.
    expect((d ?? "").split(/[LH]/).length).toBeGreaterThan(10)
    await page.getByText(/low ₹.* · high ₹.* · now ₹.* · \d+ rates published/).waitFor()
  })
})
