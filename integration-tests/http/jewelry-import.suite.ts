import { Modules } from "@medusajs/framework/utils"
import type { ShopSuite } from "../support/runner"
import { JEWELRY_MODULE } from "../../src/modules/jewelry"
import type JewelryModuleService from "../../src/modules/jewelry/service"
import { demoShop, expectStatus, pdfText, type Headers } from "./helpers"

const HEADER = "tag_code,category,metal,purity,gross_weight_g,net_weight_g,making_type,making_value,branch,quantity,huid,title"
const ROW_RING = "IMP-R-001,rings,gold,916,4.000,4.000,per_gram,450,PUN,1,QW12ER,Intake ring"
const ROW_CHAIN = "IMP-C-001,chains,gold,916,10.500,10.500,per_gram,300,BLR,1,,"

export const jewelryImportSuite: ShopSuite = ({ api, getContainer }) => {
  let auth: Headers
  beforeAll(async () => {
    ;({ auth } = await demoShop(getContainer(), api))
  })

  const upload = (csv: string | Buffer, mode?: string) =>
    expectStatus(
      api.post(`/admin/jewelry/import${mode ? `?mode=${mode}` : ""}`, csv, {
        headers: { ...auth.headers, "content-type": "text/csv" },
      })
    )
  const pieces = (tags: string[]) => getContainer().resolve<JewelryModuleService>(JEWELRY_MODULE).listJewelryAttributes({ tag_code: tags })

  it("imports every row of a clean file: products priced, stock at each branch", async () => {
    const res = await upload(`${HEADER}\n${ROW_RING}\n${ROW_CHAIN}\n`)
    expect(res.status).toBe(201)
    expect(res.data).toEqual({ imported: 2, skipped_rows: 0, errors: [], tags: ["IMP-R-001", "IMP-C-001"] })
    const { data } = await api.get("/admin/jewelry/tags/IMP-R-001", auth)
    expect(data.product.title).toBe("Intake ring")
    expect(Object.fromEntries(data.stock.map((s: { branch_code: string; stocked: number }) => [s.branch_code, s.stocked]))).toEqual({ BLR: 0, MUM: 0, PUN: 1 })
    // 4.000 g × ₹7,245.50 + 4 × ₹450 = ₹30,782.00
    expect(data.breakdown.taxable_value).toBe(30782)
    expect(data.piece.huid).toBe("QW12ER")
  })

  it("records each piece's cost from the sheet's cost column, and the stock report values the stock at it", async () => {
    const before = (await api.get("/admin/reports/stock", auth)).data.totals
    const res = await upload(`${HEADER},cost\n${ROW_RING},27500.50\n${ROW_CHAIN},\n`)
    expect(res.status).toBe(201)
    const after = (await api.get("/admin/reports/stock", auth)).data.totals
    // The ring at ₹27,500.50; the chain has no cost and is not guessed at.
    expect(after.costed_pieces - before.costed_pieces).toBe(1)
    expect(after.cost_paise - before.cost_paise).toBe(27_500_50)
    expect(after.pieces - before.pieces).toBe(2)
    const [ring] = await pieces(["IMP-R-001"])
    expect(ring).toBeDefined()
  })

  it("prints the tag labels of the pieces an intake made, by tag or by product, on a roll or a sheet", async () => {
    expect((await upload(`${HEADER}\n${ROW_RING}\n${ROW_CHAIN}\n`)).status).toBe(201)
    const labels = async (body: Record<string, unknown>) => {
      const res = await expectStatus(api.post("/admin/jewelry/labels", body, { ...auth, responseType: "arraybuffer" }))
      const bytes = Buffer.from(res.data as ArrayBuffer)
      const raw = bytes.toString("latin1")
      return {
        status: res.status,
        headers: (res as unknown as { headers: Record<string, string> }).headers,
        bytes,
        pages: (raw.match(/\/Type \/Page\b/g) ?? []).length,
        // Image objects less the transparency masks that come with them.
        images: (raw.match(/\/Subtype \/Image/g) ?? []).length - (raw.match(/\/SMask \d+ 0 R/g) ?? []).length,
        json: res.status >= 400 ? JSON.parse(bytes.toString("utf8")) : null,
      }
    }
    // A roll: a page a label, at the label's size, in the order asked; the tags as typed at the counter.
    const roll = await labels({ tag_codes: ["imp-r-001", "IMP-C-001"], stock: "card_50x25", price: true })
    expect([roll.status, roll.headers["content-type"], roll.headers["x-label-count"], roll.pages, roll.images]).toEqual([200, "application/pdf", "2", 2, 2])
    expect(roll.headers["content-disposition"]).toBe('attachment; filename="tag-labels_card_50x25_2.pdf"')
    const text = await pdfText(roll.bytes)
    // 4.000 g of 22K at ₹7,245.50 + ₹450 a gram making: ₹30,782 before GST.
    for (const expected of ["IMP-R-001", "22K 916", "G 4.000 g", "N 4.000 g", "HUID QW12ER", "Rs 30,782", "IMP-C-001", "G 10.500 g"]) {
      expect(text).toContain(expected)
    }
    expect(text.indexOf("IMP-R-001")).toBeLessThan(text.indexOf("IMP-C-001"))
    // Without price: none printed.
    expect(await pdfText((await labels({ tag_codes: ["IMP-R-001"] })).bytes)).not.toContain("Rs ")
    // A sheet of 65 with 63 used already: three copies of each, 2 on the first sheet and 4 on the next; one barcode image a tag.
    const sheet = await labels({ tag_codes: ["IMP-R-001", "IMP-C-001"], stock: "a4_65", copies: 3, skip: 63, barcode: "qr" })
    expect([sheet.status, sheet.headers["x-label-count"], sheet.pages, sheet.images]).toEqual([200, "6", 2, 2])
    // Every piece of a product, on barbell tags.
    const { data } = await api.get("/admin/jewelry/tags/IMP-R-001", auth)
    const product = await labels({ product_id: data.product.id })
    expect([product.status, product.headers["x-label-count"], product.pages]).toEqual([200, "1", 1])

    const refused = async (body: Record<string, unknown>, message: RegExp) => {
      const res = await labels(body)
      expect([res.status, res.json?.message]).toEqual([400, expect.stringMatching(message)])
    }
    await refused({ tag_codes: ["IMP-R-001", "NOPE-1", "nope-2"] }, /No piece with tag codes NOPE-1, NOPE-2/)
    await refused({ tag_codes: ["IMP-R-001"], product_id: data.product.id }, /either tag_codes .* or product_id/)
    await refused({}, /either tag_codes .* or product_id/)
    await refused({ tag_codes: ["IMP-R-001"], copies: 11 }, /copies/)
    await refused({ tag_codes: ["IMP-R-001"], stock: "a5_sheet" }, /stock/)
    await refused({ tag_codes: ["IMP-R-001"], colour: "red" }, /colour/)
    expect((await labels({ product_id: "prod_nope" })).status).toBe(404)
  })

  it("imports nothing from a file with a bad row, and says which rows and why", async () => {
    const bad = "IMP-X-001,rings,gold,916,4.000,4.500,per_gram,450,PUN,1,,"
    const unknown = "IMP-X-002,tiaras,gold,916,4.000,4.000,per_gram,450,GOA,1,,"
    const res = await upload(`${HEADER}\n${ROW_RING}\n${bad}\n${unknown}\n`)
    expect(res.status).toBe(400)
    expect(res.data.message).toBe("2 of 3 rows have problems; nothing was imported. Fix them, or send mode=partial to import the other rows.")
    expect(res.data.errors).toEqual([
      { row: 3, reason: "The net weight (4.5 g) cannot exceed the gross weight (4 g)" },
      { row: 3, reason: "The gross weight (4 g) must equal net weight + stone weight (4.5 g)" },
      { row: 4, reason: 'unknown category "tiaras"' },
      { row: 4, reason: 'unknown branch "GOA"' },
    ])
    expect(await pieces(["IMP-R-001", "IMP-X-001", "IMP-X-002"])).toHaveLength(0)
  })

  it("with mode=partial imports the good rows and reports the others", async () => {
    const res = await upload(`${HEADER}\n${ROW_RING}\nIMP-X-003,rings,gold,916,abc,4,per_gram,450,PUN,1,,\n`, "partial")
    expect(res.status).toBe(201)
    expect(res.data.imported).toBe(1)
    expect(res.data.errors).toEqual([{ row: 3, reason: 'gross_weight_g: Invalid weight in grams: "abc" (use digits and at most 3 decimals)' }])
    expect(await pieces(["IMP-R-001"])).toHaveLength(1)
  })

  it("takes a tagged piece in as one article, counted goods by the count, and Medusa's stock routes never raise a piece", async () => {
    const threeRings = ROW_RING.replace(",PUN,1,", ",PUN,3,")
    const refused = await upload(`${HEADER}\n${threeRings}\n`)
    expect([refused.status, refused.data.errors]).toEqual([
      400,
      [{ row: 2, reason: 'quantity: a tagged piece is one article, so its quantity is 1 (or 0); give each of the 3 articles its own tag, or mark goods sold by count with stock_unit "count"' }],
    ])
    expect(await pieces(["IMP-R-001"])).toHaveLength(0)
    const coins = "IMP-COIN-1G,coins-bars,gold,999,1,1,flat,200,MUM,25,,Lakshmi coin 1 g,count"
    const hallmarkedCoins = "IMP-COIN-2G,coins-bars,gold,999,2,2,flat,200,MUM,25,ZX12CV,Coin 2 g,count"
    const mixed = await upload(`${HEADER},stock_unit\n${ROW_RING},\n${coins}\n${hallmarkedCoins}\n`, "partial")
    expect([mixed.status, mixed.data.imported, mixed.data.errors]).toEqual([
      201,
      2,
      [{ row: 4, reason: "A HUID marks one hallmarked article, so a piece with HUID ZX12CV is stocked as a piece, not counted" }],
    ])
    expect((await pieces(["IMP-R-001", "IMP-COIN-1G"])).map((p) => [p.tag_code, p.stock_unit]).sort()).toEqual([
      ["IMP-COIN-1G", "count"],
      ["IMP-R-001", "piece"],
    ])

    // Medusa's own stock-level routes: a piece may be lowered, never raised, at its branch or another.
    const { data: branches } = await api.get("/admin/branches?fields=id,code,stock_location.id", auth)
    const locationOf = (code: string) => branches.branches.find((b: { code: string }) => b.code === code).stock_location.id
    const itemOf = async (tag: string) => {
      const { data } = await api.get(`/admin/jewelry/tags/${tag}`, auth)
      const { data: found } = await api.get(`/admin/product-variants?id=${data.variant.id}&fields=id,inventory_items.inventory_item_id`, auth)
      return found.variants[0].inventory_items[0].inventory_item_id as string
    }
    const ring = await itemOf("IMP-R-001")
    const stockOf = async (tag: string) =>
      Object.fromEntries((await api.get(`/admin/jewelry/tags/${tag}`, auth)).data.stock.map((s: { branch_code: string; stocked: number }) => [s.branch_code, s.stocked]))
    const raise = await expectStatus(api.post(`/admin/inventory-items/${ring}/location-levels/${locationOf("PUN")}`, { stocked_quantity: 2 }, auth))
    expect([raise.status, raise.data.message]).toEqual([
      409,
      "IMP-R-001 is one piece (in stock at Pune – Laxmi Road (PUN)); its stock at Pune – Laxmi Road (PUN) cannot be raised to 2 here. A piece comes into stock by intake, a transfer received, a memo or sale returned, or a stock audit.",
    ])
    // A second branch, by the route with the location in the body, and by both batch routes; any case in the path.
    const secondPlace = [
      () => api.post(`/ADMIN/Inventory-Items/${ring}/location-levels`, { location_id: locationOf("MUM"), stocked_quantity: 1 }, auth),
      () => api.post(`/admin/inventory-items/${ring}/location-levels/batch`, { create: [{ location_id: locationOf("MUM"), stocked_quantity: 1 }] }, auth),
      () => api.post("/admin/inventory-items/location-levels/batch", { update: [{ inventory_item_id: ring, location_id: locationOf("PUN"), stocked_quantity: 3 }] }, auth),
    ]
    for (const [i, attempt] of secondPlace.entries()) {
      const res = await expectStatus(attempt())
      expect([i, res.status, res.data.message]).toEqual([i, 409, expect.stringMatching(/^IMP-R-001 is one piece \(in stock at Pune – Laxmi Road \(PUN\)\); its stock at .* cannot be raised to [13] here/)])
    }
    expect(await stockOf("IMP-R-001")).toEqual({ BLR: 0, MUM: 0, PUN: 1 })
    // Tying a second inventory item to the piece's variant is refused too.
    const { data: tag } = await api.get("/admin/jewelry/tags/IMP-R-001", auth)
    const link = await expectStatus(api.post(`/admin/products/${tag.product.id}/variants/${tag.variant.id}/inventory-items`, { inventory_item_id: await itemOf("IMP-COIN-1G"), required_quantity: 1 }, auth))
    expect([link.status, link.data.message]).toEqual([409, "IMP-R-001 is a piece: one article with one inventory item, so its inventory items are not changed here"])
    // Written off (lowered) is allowed; counted goods are raised as before.
    expect((await expectStatus(api.post(`/admin/inventory-items/${ring}/location-levels/${locationOf("PUN")}`, { stocked_quantity: 0 }, auth))).status).toBe(200)
    expect(await stockOf("IMP-R-001")).toEqual({ BLR: 0, MUM: 0, PUN: 0 })
    expect((await expectStatus(api.post(`/admin/inventory-items/${await itemOf("IMP-COIN-1G")}/location-levels/${locationOf("MUM")}`, { stocked_quantity: 40 }, auth))).status).toBe(200)
    expect((await stockOf("IMP-COIN-1G")).MUM).toBe(40)
  })

  it("groups the pieces of a design into one product, a variant each, and a later sheet's pieces join it", async () => {
    const DESIGN_HEADER = `${HEADER},design_code,size`
    const first = await upload(
      `${DESIGN_HEADER}\n` +
        "DSN-1,rings,gold,916,4.000,4.000,per_gram,450,MUM,1,,Peacock ring,pea-01,12\n" +
        "DSN-2,rings,gold,916,4.200,4.200,per_gram,450,PUN,1,,,PEA-01,14\n" +
        "DSN-3,rings,gold,916,4.100,4.100,per_gram,450,PUN,1,,,,\n"
    )
    expect([first.status, first.data.imported]).toEqual([201, 3])
    const tag = async (code: string) => (await api.get(`/admin/jewelry/tags/${code}`, auth)).data
    const [one, two, loose] = [await tag("DSN-1"), await tag("DSN-2"), await tag("DSN-3")]
    expect([one.product.handle, one.product.title, two.product.id, one.piece.design_code]).toEqual(["design-pea-01", "Peacock ring", one.product.id, "PEA-01"])
    // A piece without a design code stays a product of its own.
    expect(loose.product.handle).toBe("tag-dsn-3")
    const design = async (id: string) => {
      const { data } = await api.get(`/admin/products/${id}?fields=id,variants.title,variants.sku,options.title,options.values.value`, auth)
      return {
        variants: data.product.variants.map((v: { sku: string; title: string }) => [v.sku, v.title]).sort(),
        options: Object.fromEntries(data.product.options.map((o: { title: string; values: { value: string }[] }) => [o.title, o.values.map((v) => v.value).sort()])),
      }
    }
    expect(await design(one.product.id)).toEqual({
      variants: [
        ["DSN-1", "12 – DSN-1"],
        ["DSN-2", "14 – DSN-2"],
      ],
      options: { Size: ["12", "14"], Piece: ["DSN-1", "DSN-2"] },
    })
    // Each piece is stocked at its own branch.
    expect([one.stock, two.stock].map((s: { branch_code: string; stocked: number }[]) => s.filter((l) => l.stocked).map((l) => l.branch_code))).toEqual([["MUM"], ["PUN"]])

    // A later sheet: a pendant cannot join a ring design; nothing is written.
    const pendant = await upload(`${DESIGN_HEADER}\nDSN-4,pendants,gold,916,2,2,per_gram,450,BLR,1,,,PEA-01,\n`)
    expect([pendant.status, pendant.data.errors]).toEqual([400, [{ row: 2, reason: 'design PEA-01 is the product "Peacock ring" in category "rings", not "pendants"' }]])
    expect(await pieces(["DSN-4"])).toHaveLength(0)
    // A ring joins it, a size it already offers and one without a size; and one joins the demo's Lakshmi ring, whose size option is "Ring size".
    const later = await upload(
      `${DESIGN_HEADER}\n` +
        "DSN-5,rings,gold,916,4.000,4.000,per_gram,450,BLR,1,,,pea-01,12\n" +
        "DSN-6,rings,gold,916,3.900,3.900,per_gram,450,BLR,1,,,pea-01,\n" +
        "DSN-7,rings,gold,916,4.100,4.100,per_gram,450,PUN,1,,,LAKSHMI-22K-GOLD-RIN,18\n"
    )
    expect([later.status, later.data.imported]).toEqual([201, 3])
    expect(await design(one.product.id)).toEqual({
      variants: [
        ["DSN-1", "12 – DSN-1"],
        ["DSN-2", "14 – DSN-2"],
        ["DSN-5", "12 – DSN-5"],
        ["DSN-6", "DSN-6"],
      ],
      options: { Size: ["12", "14", "Free size"], Piece: ["DSN-1", "DSN-2", "DSN-5", "DSN-6"] },
    })
    const [five, lakshmi] = [await tag("DSN-5"), await tag("DSN-7")]
    // Priced on joining: 4.000 g × ₹7,245.50 + 4 × ₹450 = ₹30,782.00, as the same ring made new.
    expect([five.breakdown.taxable_value, five.stock.find((s: { branch_code: string }) => s.branch_code === "BLR").stocked]).toEqual([30782, 1])
    expect(lakshmi.product.handle).toBe("lakshmi-22k-gold-ring")
    const { options } = await design(lakshmi.product.id)
    expect([options["Ring size"], options.Piece.includes("DSN-7")]).toEqual([["12", "14", "16", "18"], true])
  })

  it("splits a tag holding several articles (from before one piece per tag) into pieces of their own, each where it was", async () => {
    expect((await upload(`${HEADER},stock_unit\n${ROW_RING},\nIMP-COIN-1G,coins-bars,gold,999,1,1,flat,200,MUM,25,,Coin 1 g,count\n`)).status).toBe(201)
    // A hallmarked ring stocked three times over, as a catalogue from before the rule holds it: two more at Mumbai.
    const { data: branches } = await api.get("/admin/branches?fields=id,code,stock_location.id", auth)
    const locationOf = (code: string) => branches.branches.find((b: { code: string }) => b.code === code).stock_location.id
    const inventory = getContainer().resolve(Modules.INVENTORY)
    const [item] = await inventory.listInventoryItems({ sku: "IMP-R-001" })
    await inventory.createInventoryLevels([{ inventory_item_id: item.id, location_id: locationOf("MUM"), stocked_quantity: 2 }])
    const stockOf = async (tag: string) =>
      Object.fromEntries(
        (await api.get(`/admin/jewelry/tags/${tag}`, auth)).data.stock.filter((s: { stocked: number }) => s.stocked).map((s: { branch_code: string; stocked: number }) => [s.branch_code, s.stocked])
      )
    const split = (tag: string, articles: Record<string, unknown>[]) => expectStatus(api.post(`/admin/jewelry/tags/${tag}/split`, { articles }, auth))

    const tooFew = await split("IMP-R-001", [{ tag_code: "IMP-R-002", huid: "QW12ES" }])
    expect([tooFew.status, tooFew.data.message]).toEqual([400, "IMP-R-001 holds 3 articles in stock: it keeps one, so give the other 2 a tag each (1 given)"])
    const noHuid = await split("IMP-R-001", [{ tag_code: "IMP-R-002", huid: "QW12ES" }, { tag_code: "IMP-R-003" }])
    expect([noHuid.status, noHuid.data.message]).toEqual([400, expect.stringContaining("is hallmarked: each of its articles has a HUID of its own")])
    const taken = await split("imp-r-001", [{ tag_code: "IMP-R-002", huid: "QW12ES" }, { tag_code: "SGJ-RNG-LAK-22K-12", huid: "QW12ET" }])
    expect(taken.status).toBe(409)
    expect(await stockOf("IMP-R-001")).toEqual({ MUM: 2, PUN: 1 })
    expect(await pieces(["IMP-R-002"])).toHaveLength(0)

    const done = await split("IMP-R-001", [{ tag_code: "IMP-R-002", huid: "QW12ES" }, { tag_code: "imp-r-003", huid: "qw12et", gross_weight_g: "4.1", net_weight_g: "4.1" }])
    expect([done.status, done.data.split.new_pieces.map((p: { sku: string }) => p.sku)]).toEqual([201, ["IMP-R-002", "IMP-R-003"]])
    // Three pieces, one article each, where the three articles were.
    const each = await Promise.all(["IMP-R-001", "IMP-R-002", "IMP-R-003"].map(stockOf))
    expect(each.map((s) => Object.values(s))).toEqual([[1], [1], [1]])
    expect(each.flatMap((s) => Object.keys(s)).sort()).toEqual(["MUM", "MUM", "PUN"])
    const [first, third] = [(await api.get("/admin/jewelry/tags/IMP-R-001", auth)).data, (await api.get("/admin/jewelry/tags/IMP-R-003", auth)).data]
    expect([third.product.id, third.piece.huid, third.piece.net_weight_mg, third.piece.making_value]).toEqual([first.product.id, "QW12ET", 4100, first.piece.making_value])
    // 4.100 g × ₹7,245.50 + 4.1 × ₹450 = ₹31,551.55.
    expect(third.breakdown.taxable_value).toBe(31551.55)

    expect((await split("IMP-R-001", [{ tag_code: "IMP-R-004", huid: "QW12EU" }])).data.message).toBe("IMP-R-001 holds one article; there is nothing to split")
    const coins = await split("IMP-COIN-1G", [{ tag_code: "IMP-COIN-1G-B" }])
    expect([coins.status, coins.data.message]).toEqual([409, "IMP-COIN-1G is counted goods, sold by count under one tag; it is not split"])
    const trail = (await api.get("/admin/audit?action=jewelry_piece.split", auth)).data.audit_entries as { metadata: { new_tags: string[] } }[]
    expect(trail.map((e) => e.metadata.new_tags)).toEqual([["IMP-R-002", "IMP-R-003"]])
  })

  it("refuses tags and HUIDs the shop already has", async () => {
    const res = await upload(`${HEADER}\nSGJ-RNG-LAK-22K-12,rings,gold,916,4,4,per_gram,450,MUM,1,,\n`)
    expect(res.status).toBe(400)
    expect(res.data.errors).toEqual([{ row: 2, reason: "tag SGJ-RNG-LAK-22K-12 is already used by another piece" }])
  })

  it.each([
    ["a header with unknown and missing columns", "tag_code,colour\nX,red\n", /^Missing columns: category, metal, purity.*Unknown columns: colour/],
    ["an empty file", "", /The file is empty/],
    ["broken quoting", `${HEADER}\n"IMP-Q,rings\n`, /not valid CSV: Line 2: a quoted field is not closed/],
    ["a file that is not UTF-8", Buffer.from(`${HEADER}\nIMP-L-001,rings,gold,916,4,4,per_gram,450,MUM,1,,Bracelet \u00e9l\u00e9gant\n`, "latin1"), /not UTF-8/],
  ])("refuses %s with a 400 that says why", async (_name, body, message) => {
    const res = await upload(body as string)
    expect(res.status).toBe(400)
    expect(res.data.message).toMatch(message)
  })

  it("refuses more than 10 000 rows before reading them", async () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => `IMP-B-${i},rings,gold,916,4,4,per_gram,450,MUM,1,,`)
    const res = await upload(`${HEADER}\n${rows.join("\n")}\n`)
    expect(res.status).toBe(400)
    expect(res.data.message).toBe("The file has 10001 rows; at most 10000 are taken at once. Split it into smaller files.")
    expect(await getContainer().resolve(Modules.PRODUCT).listProducts({ handle: "tag-imp-b-0" })).toHaveLength(0)
  })

  it("rejects an unknown mode", async () => {
    const res = await upload(`${HEADER}\n${ROW_RING}\n`, "some")
    expect(res.status).toBe(400)
  })
}
