/**
 * The invoice, certificate and photo screens in Debian's Chromium, on the app
 * started as `npm start` starts it (the local file provider: private files in
 * JEWEL_DATA_DIR, photos in static/): issue and download an order's invoice
 * from Medusa's order page, upload a certificate in the variant widget, and
 * upload photos on the Product photos page, watching its progress.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import type { Browser, Page } from "playwright-core"
import sharp from "sharp"
import { adminToken, appFetch, base, launchChromium, logIn, screenshotTest } from "./browser"

jest.setTimeout(180 * 1000)

const work = fs.mkdtempSync(path.join(os.tmpdir(), "jewel-e2e-files-"))

async function api<T>(route: string, token: string): Promise<T> {
  const res = await appFetch(`${base}${route}`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status).toBe(200)
  return (await res.json()) as T
}

describe("invoices, certificates and photos in the admin", () => {
  let browser: Browser
  let page: Page
  let token: string

  beforeAll(async () => {
    token = await adminToken()
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true })
    await logIn(page)
  })

  afterAll(async () => {
    await browser?.close()
    fs.rmSync(work, { recursive: true, force: true })
  })

  afterEach(() => screenshotTest(page))

  it("issues an order's tax invoice from the order page and downloads its PDF", async () => {
    // An order without an invoice yet (orders placed through the checkout or the counter are invoiced as they are placed).
    const { orders } = await api<{ orders: { id: string }[] }>("/admin/orders?limit=50&order=-created_at&fields=id", token)
    let orderId: string | undefined
    for (const order of orders) {
      // (Asking for the order's invoice would issue it: look in the documents list instead.)
      const { count } = await api<{ count: number }>(`/admin/tax-documents?type=invoice&q=${order.id}`, token)
      if (count === 0) {
        orderId = order.id
        break
      }
    }
    expect(orderId).toBeDefined()
    await page.goto(`${base}/app/orders/${orderId}`)
    await page.getByRole("heading", { name: "Tax invoice" }).waitFor({ timeout: 60_000 })
    await page.getByRole("button", { name: "Issue invoice" }).click()
    const number = page.getByText(/^[A-Z]{3}\/\d{2}-\d{2}\/\d{6}$/)
    await number.waitFor({ timeout: 30_000 })
    await page.getByText("PDF stored").waitFor()
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PDF" }).click()])
    expect(download.suggestedFilename()).toBe(`${(await number.innerText()).replace(/\//g, "-")}.pdf`)
    const saved = path.join(work, "invoice.pdf")
    await download.saveAs(saved)
    expect(fs.readFileSync(saved).subarray(0, 5).toString()).toBe("%PDF-")

    // The local provider presigns nothing: ?format=url hands out a signed link of ours, good for 5 minutes, without a login.
    const { url, expires_in } = await api<{ url: string; expires_in: number }>(`/admin/orders/${orders[0].id}/invoice?format=url`, token)
    expect(expires_in).toBe(300)
    const viaLink = await appFetch(url)
    expect([viaLink.status, Buffer.from(await viaLink.arrayBuffer()).subarray(0, 5).toString()]).toEqual([200, "%PDF-"])
    expect((await appFetch(url.replace(/signature=[^&]+/, "signature=forged"))).status).toBe(403)
  })

  it("uploads a certificate in the variant's Jewellery widget", async () => {
    const piece = await api<{ product: { id: string }; variant: { id: string } }>("/admin/jewelry/tags/SGJ-RNG-LAK-22K-14", token)
    await page.goto(`${base}/app/products/${piece.product.id}/variants/${piece.variant.id}`)
    await page.getByRole("heading", { name: "Jewellery" }).waitFor({ timeout: 60_000 })
    await page.getByText("None on file.").waitFor()
    const file = path.join(work, "IGI-LG558812.pdf")
    fs.writeFileSync(file, "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")
    await page.locator('input[type="file"]').setInputFiles(file)
    await page.getByPlaceholder("IGI").fill("IGI")
    await page.getByPlaceholder("LG558812").fill("LG558812")
    await page.getByRole("button", { name: "Upload certificate" }).click()
    await page.getByText("IGI · LG558812").waitFor({ timeout: 30_000 })
    await expect(page.getByRole("button", { name: "Replace certificate" }).isVisible()).resolves.toBe(true)
  })

  it("uploads photos by tag code with progress and a result per photo", async () => {
    const names = ["SGJ-RNG-LAK-22K-12.jpg", "SGJ-RNG-LAK-22K-12__2.jpg", "SGJ-RNG-LAK-22K-16.jpg", "SGJ-KADA-NOPE.jpg", "SGJ-COIN-24K-5G.jpg"]
    const files = await Promise.all(
      names.map(async (name, i) => {
        const file = path.join(work, name)
        fs.writeFileSync(file, await sharp({ create: { width: 900, height: 700, channels: 3, background: { r: 200, g: 140 + i * 20, b: 40 } } }).jpeg().toBuffer())
        return file
      })
    )
    await page.goto(`${base}/app/product-photos`)
    await page.getByRole("heading", { name: "Product photos" }).waitFor({ timeout: 60_000 })
    await page.locator('input[type="file"]').setInputFiles(files)
    await page.getByRole("button", { name: "Upload 5 photos" }).click()
    // Two batches (four photos, then one); the bar ends full.
    await page.getByText("5 of 5 photos · 4 attached · 1 failed").waitFor({ timeout: 60_000 })
    await expect(page.getByRole("progressbar").getAttribute("aria-valuenow")).resolves.toBe("100")
    await page.getByText("No piece has the tag code SGJ-KADA-NOPE").waitFor()
    // The thumbnails shown are the public 200 px files.
    const thumbnail = page.locator("table img").first()
    await thumbnail.waitFor()
    await expect(thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).resolves.toBe(200)
  })
})
