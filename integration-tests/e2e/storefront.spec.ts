/**
 * The shop's storefront in Debian's Chromium, as `npm start` serves it
 * beside the backend: today's rates on the home page, the catalogue
 * filtered and sorted, and a product page whose price breakdown adds up to
 * the price, with schema.org Product data; on a desktop and on a phone.
 */
import type { Page } from "playwright-core"
import { appFetch, launchChromium, screenshotTest } from "./browser"

jest.setTimeout(180 * 1000)

const storefront = process.env.E2E_STOREFRONT_URL!

/** Rupees as the page writes them ("₹1,23,456.5", "-₹5") back to a number. */
const rupees = (text: string) => Number(text.replace(/[₹,\s]/g, ""))

for (const device of [
  { name: "a desktop", viewport: { width: 1440, height: 1000 } },
  { name: "a phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
]) {
  describe(`the storefront on ${device.name}`, () => {
    let page: Page
    let close: () => Promise<void>
    beforeAll(async () => {
      const browser = await launchChromium()
      const context = await browser.newContext({ viewport: device.viewport, isMobile: device.isMobile, hasTouch: device.hasTouch })
      page = await context.newPage()
      close = () => browser.close()
    })
    afterAll(() => close?.())
    afterEach(() => screenshotTest(page))

    const fitsTheScreen = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

    it("shows today's rates and the shop's categories on the home page", async () => {
      await page.goto(storefront)
      await page.getByRole("heading", { name: "Today's rates" }).waitFor()
      const rates = await page.locator("ul.rates li").allInnerTexts()
      expect(rates.some((r) => /^22K \(916\)\s*₹[\d,.]+\s*\/ g$/.test(r.trim()))).toBe(true)
      await page.getByRole("link", { name: "Rings", exact: true }).waitFor()
      expect(await page.locator("ul.grid li").count()).toBeGreaterThan(0)
      expect(await fitsTheScreen()).toBe(true)
    })

    it("filters the catalogue by metal and purity and sorts it by price", async () => {
      await page.goto(`${storefront}/products`)
      const all = Number((await page.getByRole("status").innerText()).split(" ")[0])
      await page.getByLabel("Metal").selectOption("gold")
      await page.getByLabel("Purity").selectOption("916")
      await page.getByLabel("Sort by").selectOption("price-asc")
      await page.getByRole("button", { name: "Show", exact: true }).click()
      await page.waitForURL(/metal=gold.*purity=916.*sort=price-asc/)
      const shown = Number((await page.getByRole("status").innerText()).split(" ")[0])
      expect(shown).toBeGreaterThan(0)
      expect(shown).toBeLessThan(all)
      const facts = await page.locator("ul.grid .facts").allInnerTexts()
      expect(facts.every((f) => f.startsWith("22K (916)"))).toBe(true)
      const prices = (await page.locator("ul.grid .price").allInnerTexts()).map(rupees)
      expect(prices).toEqual([...prices].sort((a, b) => a - b))
      expect(await fitsTheScreen()).toBe(true)
    })

    it("explains a piece's price: the breakdown adds up to it, at today's rate, with Product data for search engines", async () => {
      await page.locator("ul.grid .card a").first().click()
      await page.getByRole("heading", { name: "Price breakdown" }).waitFor()
      const price = rupees(await page.locator(".price-now").innerText())
      const rows = await page.locator("table.breakdown tr").evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector("th")?.textContent ?? "", tr.querySelector("td")?.textContent ?? ""] as [string, string])
      )
      const amount = (label: RegExp) => rupees(rows.find(([th]) => label.test(th))?.[1] ?? "0")
      const metal = amount(/ × ₹/)
      const beforeGst = amount(/^Value before GST$/)
      // Metal at the rate shown, then each charge, then GST and the round-off to the total.
      const [, grams, rate] = /([\d.]+) g × ₹([\d,.]+)\/g/.exec(rows[0][0])!
      expect(Math.abs(metal - Number(grams) * rupees(rate))).toBeLessThan(0.01)
      const charges = metal + amount(/^Wastage$/) + amount(/^Making charges$/) + amount(/^Stones$/) + amount(/^Other charges$/) + amount(/^Discount$/)
      expect(Math.abs(charges - beforeGst)).toBeLessThan(0.011)
      const total = beforeGst + amount(/^IGST/) + amount(/^CGST/) + amount(/^SGST/) + amount(/^Round off$/)
      expect(Math.abs(total - amount(/^Total$/))).toBeLessThan(0.011)
      expect(amount(/^Total$/)).toBe(price)
      await page.getByText(/^Price as of today's (gold|silver|platinum) rate/).waitFor()

      const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}")
      expect(data).toEqual(
        expect.objectContaining({
          "@type": "Product",
          name: await page.getByRole("heading", { level: 1 }).innerText(),
          url: page.url().split("?")[0],
          offers: expect.objectContaining({ price: price.toFixed(2), priceCurrency: "INR" }),
        })
      )
      expect(await fitsTheScreen()).toBe(true)
    })

    it("answers an unknown piece with a page that says so", async () => {
      const res = await appFetch(`${storefront}/products/no-such-piece`)
      expect(res.status).toBe(404)
      await page.goto(`${storefront}/products/no-such-piece`)
      await page.getByRole("heading", { name: "We could not find that page" }).waitFor()
    })
  })
}

describe("the storefront as an installable app", () => {
  it("has a manifest with its icons, a service worker with an offline page, and the size guide", async () => {
    const manifest = (await (await appFetch(`${storefront}/manifest.webmanifest`)).json()) as { name: string; display: string; start_url: string; icons: { src: string; sizes: string }[] }
    expect(manifest).toEqual(expect.objectContaining({ name: "Shree Ganesh Jewellers", display: "standalone", start_url: "/" }))
    for (const icon of manifest.icons) {
      const res = await appFetch(`${storefront}${icon.src}`)
      const bytes = Buffer.from(await res.arrayBuffer())
      // A PNG of the size the manifest says (its width and height are bytes 16–23).
      expect([res.status, res.headers.get("content-type"), `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`]).toEqual([200, "image/png", icon.sizes])
    }
    const worker = await appFetch(`${storefront}/sw.js`)
    expect([worker.status, (await worker.text()).includes('cache.add("/offline")')]).toEqual([200, true])
    expect((await appFetch(`${storefront}/offline`)).status).toBe(200)

    const browser = await launchChromium()
    const page = await browser.newPage()
    try {
      await page.goto(`${storefront}/size-guide`)
      const ring14 = await page.locator("table[aria-label='Indian ring sizes'] tr").filter({ has: page.getByRole("rowheader", { name: "14", exact: true }) }).innerText()
      expect(ring14.split(/\s+/).join(" ")).toBe("14 17.3 mm 54.5 mm")
      // Once the service worker holds the offline page, a page that cannot be reached shows it.
      await page.goto(storefront)
      await page.evaluate(() => navigator.serviceWorker.ready)
      await page.context().setOffline(true)
      await page.goto(`${storefront}/products`).catch(() => undefined)
      await page.getByRole("heading", { name: "You are offline" }).waitFor()
    } finally {
      await browser.close()
    }
  })
})
