/**
 * The invoice, certificate and photo screens in Debian's Chromium, on the app
 * started as `npm start` starts it (the local file provider: private files in
 * JEWEL_DATA_DIR, photos in static/): a demo bill's invoice on Medusa's order
 * page, its PDF drawn on download, upload a certificate in the variant widget, and
 * upload photos on the Product photos page, watching its progress; take a stock-intake sheet in and print its labels.
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

  it("shows a demo bill's tax invoice, dated to the sale, on the order page and draws its PDF on download", async () => {
    // The newest bill of the demo year: its invoice was issued by the seed, its PDF waits for the first download.
    const { orders } = await api<{ orders: { id: string; metadata: Record<string, unknown> | null }[] }>("/admin/orders?limit=200&order=-created_at&fields=id,metadata", token)
    const demo = orders.find((o) => o.metadata && "demo_row" in o.metadata)
    expect(demo).toBeDefined()
    const { invoice } = await api<{ invoice: { number: string; file: { status: string } } | null }>(`/admin/orders/${demo!.id}/credit-notes`, token)
    expect(invoice?.file.status).toBe("on_request")
    await page.goto(`${base}/app/orders/${demo!.id}`)
    await page.getByRole("heading", { name: "Tax invoice" }).waitFor({ timeout: 60_000 })
    await page.getByText(invoice!.number, { exact: true }).waitFor({ timeout: 30_000 })
    await page.getByText("PDF drawn on download").waitFor()
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PDF" }).click()])
    expect(download.suggestedFilename()).toBe(`${invoice!.number.replace(/\//g, "-")}.pdf`)
    const saved = path.join(work, "invoice.pdf")
    await download.saveAs(saved)
    expect(fs.readFileSync(saved).subarray(0, 5).toString()).toBe("%PDF-")
    // Drawn once and kept.
    await page.getByText("PDF stored").waitFor({ timeout: 30_000 })

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

  it("prints a piece's tag labels from the Tag lookup page, as scanned", async () => {
    await page.goto(`${base}/app/tag-lookup`)
    await page.getByPlaceholder("SGJ-RNG-LAK-22K-12").fill("SGJ-RNG-LAK-22K-12")
    await page.getByRole("button", { name: "Look up" }).click()
    await page.getByRole("heading", { name: "Tag labels" }).waitFor({ timeout: 30_000 })
    await page.getByRole("combobox", { name: "Barcode" }).click()
    await page.getByRole("option", { name: "QR" }).click()
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Print labels" }).click()])
    expect(download.suggestedFilename()).toBe("tag-labels_barbell_95x12_1.pdf")
    const saved = path.join(work, "labels.pdf")
    await download.saveAs(saved)
    const pdf = fs.readFileSync(saved)
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
    // One barbell tag: a page 95 × 12 mm.
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 269\.29\d* 34\.01\d*\]/)
  })

  it("takes a sheet in on the Stock intake page: a bad row named, then the other rows imported as one design and their labels printed", async () => {
    const sheet = path.join(work, "intake.csv")
    fs.writeFileSync(
      sheet,
      "tag_code,category,metal,purity,gross_weight_g,net_weight_g,making_type,making_value,branch,quantity,design_code,size\n" +
        "E2E-IN-1,rings,gold,916,4.100,4.100,per_gram,450,MUM,1,E2E-VINE,12\n" +
        "E2E-IN-2,rings,gold,916,4.300,4.300,per_gram,450,PUN,1,E2E-VINE,14\n" +
        "E2E-IN-3,rings,gold,916,4.000,4.500,per_gram,450,MUM,1,,\n"
    )
    await page.goto(`${base}/app/stock-intake`)
    await page.getByRole("heading", { name: "Stock intake" }).waitFor({ timeout: 60_000 })
    await page.getByLabel("Intake sheet").setInputFiles(sheet)
    await page.getByRole("button", { name: "Check and import" }).click()
    await page.getByRole("cell", { name: "The net weight (4.5 g) cannot exceed the gross weight (4 g)" }).waitFor({ timeout: 30_000 })
    await page.getByText("0 imported").waitFor()
    await page.getByRole("combobox", { name: "If a row has a problem" }).click()
    await page.getByRole("option", { name: "Import the other rows" }).click()
    await page.getByRole("button", { name: "Check and import" }).click()
    await page.getByText("2 imported").waitFor({ timeout: 30_000 })
    await page.getByText("The 2 pieces just taken in, in the sheet's order.").waitFor()
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Print labels" }).click()])
    const saved = path.join(work, "intake-labels.pdf")
    await download.saveAs(saved)
    // Two barbell tags: two pages.
    expect((fs.readFileSync(saved).toString("latin1").match(/\/Type \/Page\b/g) ?? []).length).toBe(2)
    const pieces = await Promise.all(["E2E-IN-1", "E2E-IN-2"].map((tag) => api<{ product: { handle: string } }>(`/admin/jewelry/tags/${tag}`, token)))
    expect(pieces.map((p) => p.product.handle)).toEqual(["design-e2e-vine", "design-e2e-vine"])
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
