import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ShopSuite } from "../support/runner"
import sharp from "sharp"
import type { S3Loopback } from "../support/s3-loopback"
import { capturePayment, cartWithCoin, demoShop, expectStatus, payAndComplete, signedInCustomer, type Headers } from "./helpers"


const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"), Buffer.alloc(2000, 0x20), Buffer.from("\n%%EOF\n")])
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00", "latin1"), Buffer.alloc(500)])
const photo = (width: number, height: number, format: "jpeg" | "png") =>
  sharp({ create: { width, height, channels: 3, background: { r: 212, g: 175, b: 55 } } })[format]().toBuffer()

type Part = { name: string; filename?: string; bytes?: Buffer; value?: string; type?: string }

/** The suite, given the loopback S3 its spec points the app at (documents.spec.ts). */
export const filesSuite = (s3: S3Loopback): ShopSuite => ({ api, getContainer }) => {
  let auth: Headers
  let store: Headers
  let coin: string
  let ring: { product_id: string; variant_id: string }
  beforeAll(async () => {
    ;({ auth, store } = await demoShop(getContainer(), api, { payAtStore: true }))
    const { data } = await api.get("/admin/jewelry/tags/SGJ-COIN-24K-5G", auth)
    coin = data.variant.id
    const { data: lakshmi } = await api.get("/admin/jewelry/tags/SGJ-RNG-LAK-22K-12", auth)
    ring = { product_id: lakshmi.product.id, variant_id: lakshmi.variant.id }
  })

  /** A multipart/form-data POST through fetch (what a browser sends), answering status and JSON. */
  async function post(path: string, parts: Part[], headers: Record<string, string> = auth.headers) {
    const form = new FormData()
    for (const part of parts) {
      if (part.bytes) {
        form.append(part.name, new Blob([new Uint8Array(part.bytes)], { type: part.type ?? "application/octet-stream" }), part.filename)
      } else {
        form.append(part.name, part.value ?? "")
      }
    }
    const res = await fetch(`${api.defaults.baseURL}${path}`, { method: "POST", headers, body: form })
    return { status: res.status, data: await res.json() }
  }
  const get = (path: string, headers: Headers) => fetch(`${api.defaults.baseURL}${path}`, { headers: headers.headers })
  const certificate = (variantId: string, file: Part, fields: Part[] = []) => post(`/admin/jewelry/variants/${variantId}/certificate`, [file, ...fields])

  it("takes only images and PDFs on Medusa's own upload route, by content", async () => {
    const html = await post("/admin/uploads", [{ name: "files", filename: "invite.png", bytes: Buffer.from("<html><script>alert(1)</script></html>"), type: "image/png" }])
    expect([html.status, html.data.message]).toEqual([400, "invite.png is not a JPEG, PNG, WebP, PDF file whatever its .png name says"])
    const png = await post("/admin/uploads", [{ name: "files", filename: "ring.png", bytes: await photo(40, 40, "png"), type: "text/html" }])
    expect(png.status).toBe(200)
    expect(png.data.files).toHaveLength(1)
    const presigned = await expectStatus(api.post("/admin/uploads/presigned-urls", { originalname: "x.html", mime_type: "text/html", size: 10, access: "public" }, auth))
    expect([presigned.status, presigned.data.message]).toEqual([400, "Uploads take JPEG, PNG, WebP and PDF files, not text/html"])
  })

  it("stores a lab certificate privately, shows it on the piece, lets staff download it, and replaces it", async () => {
    const first = await certificate(coin, { name: "file", filename: "IGI-558812.pdf", bytes: PDF, type: "application/pdf" }, [
      { name: "lab", value: "IGI" },
      { name: "number", value: "LG558812" },
    ])
    expect(first.status).toBe(201)
    expect(first.data.certificate).toEqual(expect.objectContaining({ lab: "IGI", number: "LG558812", mime_type: "application/pdf", size: PDF.length, filename: "IGI-558812.pdf" }))
    const key = first.data.certificate.file_id as string
    expect([s3.objects.get(key)?.acl, s3.objects.get(key)?.content_type]).toEqual(["private", "application/pdf"])
    expect((await fetch(`${s3.origin}/${s3.bucket}/${key}`)).status).toBe(403)

    const { data: piece } = await api.get(`/admin/jewelry/variants/${coin}/attributes`, auth)
    expect(piece.jewelry_attributes.certificate).toEqual(first.data.certificate)
    // The storefront reads the piece's attributes with its product, never its certificate.
    for (const fields of ["*variants.jewelry_attributes", "variants.jewelry_attributes.*", "+variants.jewelry_attributes.certificate", "*variants.jewelry_attributes.certificate"]) {
      const { data: listed } = await api.get(`/store/products?handle=24k-gold-coin&fields=${fields}`, store)
      expect(listed.products).toHaveLength(1)
      const attributes = (listed.products[0].variants ?? []).map((v: { jewelry_attributes?: Record<string, unknown> }) => v.jewelry_attributes ?? {})
      expect([fields, attributes.some((a: Record<string, unknown>) => "certificate" in a)]).toEqual([fields, false])
    }
    const download = await get(`/admin/jewelry/variants/${coin}/certificate`, auth)
    expect([download.status, download.headers.get("content-type"), Buffer.from(await download.arrayBuffer()).equals(PDF)]).toEqual([200, "application/pdf", true])

    // A PNG scan named .pdf is taken as the PNG it is, and the PDF it replaces is removed from storage.
    const png = await photo(400, 300, "png")
    const second = await certificate(coin, { name: "file", filename: "scan.pdf", bytes: png, type: "application/pdf" })
    expect([second.status, second.data.certificate.mime_type, second.data.certificate.lab]).toEqual([201, "image/png", null])
    expect(s3.objects.has(key)).toBe(false)
    expect(s3.objects.get(second.data.certificate.file_id)?.acl).toBe("private")
  })

  it("refuses a disguised, empty, oversize or missing file, and an unknown piece, storing nothing", async () => {
    const before = s3.keys().length
    const disguised = await certificate(coin, { name: "file", filename: "certificate.pdf", bytes: EXE, type: "application/pdf" })
    expect([disguised.status, disguised.data.message]).toEqual([400, "certificate.pdf is not a PDF, JPEG, PNG file whatever its .pdf name says"])
    const empty = await certificate(coin, { name: "file", filename: "empty.pdf", bytes: Buffer.alloc(0), type: "application/pdf" })
    expect([empty.status, empty.data.message]).toEqual([400, "empty.pdf is empty"])
    const big = await certificate(coin, { name: "file", filename: "big.pdf", bytes: Buffer.concat([PDF, Buffer.alloc(60 * 1024)]), type: "application/pdf" })
    expect([big.status, big.data.message]).toEqual([413, 'A file in "file" is larger than the limit of 52 KB'])
    const none = await post(`/admin/jewelry/variants/${coin}/certificate`, [{ name: "lab", value: "IGI" }])
    expect([none.status, none.data.message]).toEqual([400, 'No file received: send it as multipart/form-data in the field "file"'])
    const wrongField = await certificate(coin, { name: "certificate", filename: "a.pdf", bytes: PDF })
    expect([wrongField.status, wrongField.data.message]).toEqual([400, 'Send the file in the form field "file", not "certificate"'])
    const extra = await certificate(coin, { name: "file", filename: "a.pdf", bytes: PDF }, [{ name: "colour", value: "D" }])
    expect(extra.status).toBe(400)
    const unknown = await certificate("variant_01UNKNOWN", { name: "file", filename: "a.pdf", bytes: PDF })
    expect([unknown.status, unknown.data.message]).toEqual([404, 'Variant "variant_01UNKNOWN" is not a piece of jewellery (it has no jewelry attributes)'])
    const unauthenticated = await post(`/admin/jewelry/variants/${coin}/certificate`, [{ name: "file", filename: "a.pdf", bytes: PDF }], {})
    expect(unauthenticated.status).toBe(401)
    expect(s3.keys().length).toBe(before)
    const { data: piece } = await api.get(`/admin/jewelry/variants/${coin}/attributes`, auth)
    expect(piece.jewelry_attributes.certificate).toBeNull()
  })

  it("answers 503 and changes nothing while S3 is unreachable", async () => {
    const port = Number(new URL(s3.origin).port)
    await s3.stop()
    try {
      const cert = await certificate(coin, { name: "file", filename: "IGI.pdf", bytes: PDF })
      expect([cert.status, cert.data.message]).toEqual([503, expect.stringMatching(/^The certificate could not be stored now \(.+\); nothing was changed/)])
      const photos = await post("/admin/jewelry/images?by=tag", [{ name: "files", filename: "SGJ-COIN-24K-5G.jpg", bytes: await photo(100, 100, "jpeg") }])
      expect([photos.status, photos.data.results[0].message]).toEqual([400, expect.stringMatching(/^could not be stored/)])
    } finally {
      await s3.start(port)
    }
    const { data: piece } = await api.get(`/admin/jewelry/variants/${coin}/attributes`, auth)
    expect(piece.jewelry_attributes.certificate).toBeNull()
    const { data } = await api.get("/admin/jewelry/tags/SGJ-COIN-24K-5G", auth)
    const products = await getContainer().resolve(Modules.PRODUCT).listProducts({ id: data.product.id }, { relations: ["images"] })
    expect(products[0].images).toEqual([])
  })

  it("lets the buyer of the piece download its certificate from the storefront once it is paid, and nobody else", async () => {
    const buyer = await signedInCustomer(api, store, { email: "cert.buyer@example.in", password: "Cert-pass-123", first_name: "Kiran" })
    const { cartId } = await cartWithCoin(api, buyer.me, "cert.buyer@example.in")
    const placed = await payAndComplete(api, buyer.me, cartId)
    expect(placed.data.type).toBe("order")
    expect((await certificate(coin, { name: "file", filename: "IGI.pdf", bytes: PDF })).status).toBe(201)
    // Paying at the store: the certificate waits until the payment is taken.
    expect((await get(`/store/jewelry/variants/${coin}/certificate`, buyer.me)).status).toBe(404)
    expect((await capturePayment(api, auth, placed.data.order.id)).status).toBe(200)

    const mine = await get(`/store/jewelry/variants/${coin}/certificate`, buyer.me)
    expect([mine.status, Buffer.from(await mine.arrayBuffer()).equals(PDF)]).toEqual([200, true])
    const other = await signedInCustomer(api, store, { email: "not.buyer@example.in", password: "Cert-pass-123", first_name: "Ravi" })
    expect((await get(`/store/jewelry/variants/${coin}/certificate`, other.me)).status).toBe(404)
    expect((await get(`/store/jewelry/variants/${coin}/certificate`, store)).status).toBe(401)
    // A piece the buyer did not buy, even one with a certificate of its own.
    expect((await certificate(ring.variant_id, { name: "file", filename: "ring.pdf", bytes: PDF })).status).toBe(201)
    expect((await get(`/store/jewelry/variants/${ring.variant_id}/certificate`, buyer.me)).status).toBe(404)
  })

  it("attaches photos in bulk by tag code with two thumbnails, public, tied to the piece; bad files fail on their own", async () => {
    const big = await photo(2000, 1500, "jpeg")
    const small = await photo(300, 300, "png")
    const res = await post("/admin/jewelry/images?by=tag", [
      { name: "files", filename: "SGJ-RNG-LAK-22K-12.jpg", bytes: big, type: "image/jpeg" },
      { name: "files", filename: "sgj-rng-lak-22k-12__2.png", bytes: small, type: "image/png" },
      { name: "files", filename: "SGJ-NO-SUCH-TAG.jpg", bytes: big, type: "image/jpeg" },
      { name: "files", filename: "SGJ-COIN-24K-5G.jpg", bytes: Buffer.from("not a photo at all"), type: "image/jpeg" },
    ])
    expect([res.status, res.data.attached, res.data.failed]).toEqual([200, 2, 2])
    expect(res.data.results.map((r: { code: string; status: string; message?: string }) => [r.code, r.status, r.message ?? null])).toEqual([
      ["SGJ-RNG-LAK-22K-12", "attached", null],
      ["SGJ-RNG-LAK-22K-12", "attached", null],
      ["SGJ-NO-SUCH-TAG", "failed", "No piece has the tag code SGJ-NO-SUCH-TAG"],
      ["SGJ-COIN-24K-5G", "failed", "SGJ-COIN-24K-5G.jpg is not a JPEG, PNG, WebP file whatever its .jpg name says"],
    ])
    const [first, second] = res.data.results
    expect([first.product_ids, first.variant_ids]).toEqual([[ring.product_id], [ring.variant_id]])

    // Public objects, readable without a signature, in the sizes promised (never enlarged).
    const sizeOf = async (url: string) => {
      const fetched = await fetch(url)
      expect([fetched.status, fetched.headers.get("content-type")]).toEqual([200, "image/webp"])
      const meta = await sharp(Buffer.from(await fetched.arrayBuffer())).metadata()
      return [meta.width, meta.height]
    }
    expect(await Promise.all([first.urls.large, first.urls.medium, first.urls.small].map(sizeOf))).toEqual([[1600, 1200], [600, 450], [200, 150]])
    expect(await Promise.all([second.urls.large, second.urls.medium, second.urls.small].map(sizeOf))).toEqual([[300, 300], [300, 300], [200, 200]])

    const { data } = await getContainer()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "product", fields: ["id", "thumbnail", "images.url", "images.metadata", "variants.id", "variants.images.url"], filters: { id: ring.product_id } })
    const product = data[0] as unknown as { thumbnail: string; images: { url: string; metadata: Record<string, unknown> }[]; variants: { id: string; images: { url: string }[] }[] }
    const added = product.images.filter((i) => [first.urls.large, second.urls.large].includes(i.url))
    expect(added.map((i) => i.metadata.thumbnail_small)).toEqual(expect.arrayContaining([first.urls.small, second.urls.small]))
    expect(product.thumbnail).toBe(first.urls.medium)
    expect(product.variants.find((v) => v.id === ring.variant_id)!.images.map((i) => i.url)).toEqual(expect.arrayContaining([first.urls.large, second.urls.large]))
    expect(product.variants.filter((v) => v.id !== ring.variant_id).every((v) => !v.images.some((i) => i.url === first.urls.large))).toBe(true)
  })

  it("attaches one photo to every piece of a design code, and refuses a batch where nothing fits", async () => {
    const intake = [
      "tag_code,category,metal,purity,gross_weight_g,net_weight_g,making_type,making_value,branch,quantity,design_code,title",
      "IMG-J-0001,earrings,gold,916,6.000,6.000,per_gram,500,MUM,1,D-100,Peacock jhumka (large)",
      "IMG-J-0002,earrings,gold,916,4.000,4.000,per_gram,500,PUN,1,D-100,Peacock jhumka (small)",
    ].join("\n")
    expect((await api.post("/admin/jewelry/import", intake, { headers: { ...auth.headers, "content-type": "text/csv" } })).data.imported).toBe(2)
    const res = await post("/admin/jewelry/images?by=design", [{ name: "files", filename: "d-100.jpg", bytes: await photo(800, 800, "jpeg"), type: "image/jpeg" }])
    // The design's two pieces are one design product, a variant each: the photo goes on the product and both variants.
    expect([res.status, res.data.attached, res.data.results[0].product_ids.length, res.data.results[0].variant_ids.length]).toEqual([200, 1, 1, 2])
    const products = await getContainer().resolve(Modules.PRODUCT).listProducts({ id: res.data.results[0].product_ids }, { relations: ["images"] })
    expect(products.map((p) => [p.thumbnail, p.images.map((i) => i.url)])).toEqual(
      products.map(() => [res.data.results[0].urls.medium, [res.data.results[0].urls.large]])
    )

    const nothing = await post("/admin/jewelry/images?by=design", [{ name: "files", filename: "D-999.jpg", bytes: await photo(50, 50, "jpeg"), type: "image/jpeg" }])
    expect([nothing.status, nothing.data.message, nothing.data.results[0].message]).toEqual([400, "None of the 1 photos could be attached", "No piece has the design code D-999"])
    const noMode = await post("/admin/jewelry/images", [{ name: "files", filename: "D-100.jpg", bytes: await photo(50, 50, "jpeg") }])
    expect(noMode.status).toBe(400)
    const tooMany = await post("/admin/jewelry/images?by=tag", Array.from({ length: 21 }, (_, i) => ({ name: "files", filename: `X-${i}.jpg`, bytes: Buffer.from("x") })))
    expect([tooMany.status, tooMany.data.message]).toEqual([400, "At most 20 files per request"])
  })
}
