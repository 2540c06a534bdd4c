import type { ShopSuite } from "../support/runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BRANCH_LOCATION_LINK_TABLE, VARIANT_JEWELRY_LINK_TABLE } from "../../src/lib/link-tables"
import { demoShop, expectStatus, ok, salesStaffHeaders, type Headers } from "./helpers"

type Piece = { tag_code: string; inventory_item_id: string }
type Line = { tag_code: string; result: string; expected_quantity: number; counted_quantity: number; belongs_to: { code: string } | null }

/**
 * Stock audit by tag scan (docs/counter.md, "Stock audit"): Mumbai counts its stock with three pieces planted —
 * one left unscanned (missing), one nobody holds (extra), one of Pune's scanned in Mumbai (misplaced) — and the
 * report lists exactly those; a tag scanned twice, a scan into a closed audit, another branch's manager and a
 * salesperson posting are refused; posting adjusts the stock once.
 */
export const stockAuditSuite: ShopSuite = ({ api, getContainer }) => {
  let owner: Headers
  let mumbaiStaff: Headers
  let mumbaiManager: Headers
  let puneManager: Headers
  let branch: Record<string, string>
  let location: Record<string, string>
  /** Every demo piece with stock at Mumbai, by tag. */
  let pieces: Piece[]
  let missing: Piece
  let extra: Piece
  let misplaced: Piece
  /** What Mumbai holds of each tag (the demo stocks each in every branch). */
  let mumbaiLevel: Map<string, number>

  const knex = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const inventory = () => getContainer().resolve(Modules.INVENTORY)

  async function level(piece: Piece, code: string): Promise<number> {
    const [found] = await inventory().listInventoryLevels({ inventory_item_id: piece.inventory_item_id, location_id: location[code] })
    return found ? Number(found.stocked_quantity) : 0
  }

  beforeAll(async () => {
    ;({ auth: owner } = await demoShop(getContainer(), api))
    const { rows } = await knex().raw(
      `select bsl.branch_id, b.code, bsl.stock_location_id from ${BRANCH_LOCATION_LINK_TABLE} bsl join branch b on b.id = bsl.branch_id where bsl.deleted_at is null`
    )
    branch = Object.fromEntries(rows.map((r: { code: string; branch_id: string }) => [r.code, r.branch_id]))
    location = Object.fromEntries(rows.map((r: { code: string; stock_location_id: string }) => [r.code, r.stock_location_id]))
    mumbaiStaff = await salesStaffHeaders(getContainer(), api, "audit.mum@example.in", branch.MUM)
    mumbaiManager = await salesStaffHeaders(getContainer(), api, "manager.mum@example.in", branch.MUM, "branch_manager")
    puneManager = await salesStaffHeaders(getContainer(), api, "manager.pun@example.in", branch.PUN, "branch_manager")
    const stocked = await knex().raw(
      `select ja.tag_code, il.inventory_item_id, il.stocked_quantity::int as quantity
         from jewelry_attributes ja
         join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.jewelry_attributes_id = ja.id and vj.deleted_at is null
         join product_variant_inventory_item pvi on pvi.variant_id = vj.product_variant_id and pvi.deleted_at is null
         join inventory_level il on il.inventory_item_id = pvi.inventory_item_id and il.deleted_at is null
        where ja.deleted_at is null and il.location_id = ? and il.stocked_quantity > 0
        order by ja.tag_code`,
      [location.MUM]
    )
    pieces = stocked.rows.map((r: Piece) => ({ tag_code: r.tag_code, inventory_item_id: r.inventory_item_id }))
    expect(pieces.length).toBeGreaterThan(5)
    // The plant: a piece nobody holds any more, and one held only at Pune.
    ;[missing, extra, misplaced] = [pieces[0], pieces[1], pieces[2]]
    await inventory().updateInventoryLevels(["MUM", "PUN", "BLR"].map((code) => ({ inventory_item_id: extra.inventory_item_id, location_id: location[code], stocked_quantity: 0 })))
    // One piece: moved from Mumbai to Pune behind the shop's back.
    await inventory().updateInventoryLevels(["MUM", "PUN", "BLR"].map((code) => ({ inventory_item_id: misplaced.inventory_item_id, location_id: location[code], stocked_quantity: code === "PUN" ? 1 : 0 })))
    expect(await level(misplaced, "PUN")).toBeGreaterThan(0)
    mumbaiLevel = new Map(stocked.rows.map((r: { tag_code: string; quantity: number }) => [r.tag_code, r.quantity]))
  })

  const scan = (auditId: string, tag_code: string, quantity?: number, who = mumbaiStaff) =>
    expectStatus(api.post(`/admin/stock-audits/${auditId}/scans`, { tag_code, ...(quantity ? { quantity } : {}) }, who))

  /** Mumbai's audit with the plant counted: every expected piece in full but `missing`, then the extra and misplaced ones. */
  async function countMumbai(): Promise<string> {
    const opened = await ok(api.post("/admin/stock-audits", { branch_id: branch.MUM, note: "monthly count" }, mumbaiStaff))
    expect(opened.status).toBe(201)
    const expected = pieces.filter((p) => p !== extra && p !== misplaced)
    expect(opened.data.audit.summary.expected).toEqual({ tags: expected.length, quantity: expected.reduce((n, p) => n + mumbaiLevel.get(p.tag_code)!, 0) })
    const auditId = opened.data.audit.id as string
    for (const piece of expected.filter((p) => p !== missing)) {
      const res = await scan(auditId, piece.tag_code, mumbaiLevel.get(piece.tag_code))
      expect([piece.tag_code, res.status, res.data.scan?.result]).toEqual([piece.tag_code, 201, "expected"])
    }
    const extraScan = await scan(auditId, extra.tag_code)
    expect([extraScan.status, extraScan.data.scan?.result]).toEqual([201, "extra"])
    const misplacedScan = await scan(auditId, misplaced.tag_code.toLowerCase())
    expect([misplacedScan.status, misplacedScan.data.scan]).toEqual([201, expect.objectContaining({ tag_code: misplaced.tag_code, result: "misplaced", belongs_to: expect.objectContaining({ code: "PUN" }) })])
    expect(misplacedScan.data.scan.message).toMatch(/^Belongs to Pune/)
    return auditId
  }

  const linesOf = async (auditId: string, result: string, who = mumbaiStaff): Promise<Line[]> => (await ok(api.get(`/admin/stock-audits/${auditId}?result=${result}&limit=500`, who))).data.lines

  it("reports exactly the planted missing, extra and misplaced pieces", async () => {
    const auditId = await countMumbai()
    // While open, what is not counted yet shows as missing.
    expect((await linesOf(auditId, "missing")).map((l) => l.tag_code)).toEqual([missing.tag_code])
    const closed = await ok(api.post(`/admin/stock-audits/${auditId}/close`, {}, mumbaiStaff))
    expect(closed.data.audit).toMatchObject({ status: "closed", summary: { lines: { found: pieces.length - 3, missing: 1, extra: 1, misplaced: 1, unknown: 0 }, balanced: false } })

    const report = (l: Line) => [l.tag_code, l.result, l.expected_quantity, l.counted_quantity, l.belongs_to?.code ?? null]
    expect((await linesOf(auditId, "missing")).map(report)).toEqual([[missing.tag_code, "missing", mumbaiLevel.get(missing.tag_code), 0, null]])
    expect((await linesOf(auditId, "extra")).map(report)).toEqual([[extra.tag_code, "extra", 0, 1, null]])
    expect((await linesOf(auditId, "misplaced")).map(report)).toEqual([[misplaced.tag_code, "misplaced", 0, 1, "PUN"]])
    expect((await linesOf(auditId, "unknown")).map(report)).toEqual([])
    const all = await ok(api.get(`/admin/stock-audits/${auditId}?limit=500`, mumbaiStaff))
    expect(all.data.count).toBe(pieces.length)
    expect(all.data.lines.slice(0, 2).map((l: Line) => l.result)).toEqual(["missing", "misplaced"])

    const csv = await ok(api.get(`/admin/stock-audits/${auditId}/export?format=csv&result=missing&result=misplaced`, mumbaiStaff))
    expect(csv.data).toContain(`${missing.tag_code},`)
    expect(csv.data).toContain("Pune")
    expect(csv.data.trim().split("\n")).toHaveLength(3)
    const xlsx = await ok(api.get(`/admin/stock-audits/${auditId}/export?format=xlsx`, { ...mumbaiStaff, responseType: "arraybuffer" }))
    expect(Buffer.from(xlsx.data).subarray(0, 2).toString()).toBe("PK")
  })

  it("refuses a tag scanned twice with 409 naming when and by whom, and writes nothing; a closed audit takes no scans", async () => {
    const opened = await ok(api.post("/admin/stock-audits", { branch_id: branch.MUM }, mumbaiStaff))
    const auditId = opened.data.audit.id as string
    const tag = pieces[4].tag_code
    expect((await scan(auditId, tag)).status).toBe(201)
    const before = await knex().raw(`select counted_quantity, scanned_at, updated_at, xmin::text from stock_audit_line where audit_id = ? and tag_code = ?`, [auditId, tag])
    const lines = async () => Number((await knex().raw(`select count(*) as n from stock_audit_line where audit_id = ?`, [auditId])).rows[0].n)
    const count = await lines()
    for (const again of [tag, tag.toLowerCase(), ` ${tag} `]) {
      const res = await scan(auditId, again, 3)
      expect([res.status, res.data.message]).toEqual([409, expect.stringMatching(new RegExp(`^Tag ${tag} was already scanned in this audit at \\d\\d:\\d\\d by Counter Staff; change its count instead$`))])
    }
    expect((await knex().raw(`select counted_quantity, scanned_at, updated_at, xmin::text from stock_audit_line where audit_id = ? and tag_code = ?`, [auditId, tag])).rows).toEqual(before.rows)
    expect(await lines()).toBe(count)
    // The way to change it: set its count, or undo the scan.
    expect((await ok(api.post(`/admin/stock-audits/${auditId}/scans/${tag}`, { quantity: 2 }, mumbaiStaff))).data.line).toMatchObject({ tag_code: tag, counted_quantity: 2 })
    expect((await ok(api.delete(`/admin/stock-audits/${auditId}/scans/${tag}`, mumbaiStaff))).data).toEqual({ tag_code: tag, deleted: true })
    expect((await scan(auditId, tag)).status).toBe(201)
    // A tag no piece has is recorded as unknown, once.
    const unknown = await scan(auditId, "NO-SUCH-TAG-1")
    expect([unknown.status, unknown.data.scan?.result]).toEqual([201, "unknown"])
    expect((await scan(auditId, "no-such-tag-1")).status).toBe(409)
    // One open audit per branch (and category).
    const second = await expectStatus(api.post("/admin/stock-audits", { branch_id: branch.MUM }, mumbaiManager))
    expect([second.status, second.data.message]).toEqual([409, `Audit ${auditId} of this branch is still open; close or cancel it before opening another`])

    await ok(api.post(`/admin/stock-audits/${auditId}/close`, {}, mumbaiStaff))
    const late = await scan(auditId, pieces[5].tag_code)
    expect([late.status, late.data.message]).toEqual([409, "This audit cannot be scanned into: it is closed; its report is final"])
    expect((await expectStatus(api.post(`/admin/stock-audits/${auditId}/close`, {}, mumbaiStaff))).status).toBe(409)
    expect(await lines()).toBe(count + 1)
    // Bad input: 400 naming the field, nothing written.
    const bad = await expectStatus(api.post(`/admin/stock-audits/${auditId}/scans`, { tag_code: "SGJ 1", quantity: 0 }, mumbaiStaff))
    expect([bad.status, bad.data.message]).toEqual([400, expect.stringContaining("tag_code")])
  })

  it("keeps a Pune manager out of Mumbai's audits and leaves posting to managers", async () => {
    const opened = await ok(api.post("/admin/stock-audits", { branch_id: branch.MUM }, owner))
    const auditId = opened.data.audit.id as string
    const elsewhere = await expectStatus(api.post("/admin/stock-audits", { branch_id: branch.MUM }, puneManager))
    expect([elsewhere.status, elsewhere.data.message]).toEqual([400, expect.stringContaining("belongs to another branch")])
    expect((await scan(auditId, pieces[3].tag_code, undefined, puneManager)).status).toBe(404)
    expect((await expectStatus(api.get(`/admin/stock-audits/${auditId}`, puneManager))).status).toBe(404)
    expect((await expectStatus(api.post(`/admin/stock-audits/${auditId}/close`, {}, puneManager))).status).toBe(404)
    expect((await ok(api.get("/admin/stock-audits", puneManager))).data.count).toBe(0)
    expect((await ok(api.get(`/admin/stock-audits?branch_id=${branch.MUM}`, puneManager))).data.count).toBe(0)
    expect((await ok(api.get("/admin/stock-audits", mumbaiStaff))).data.audits.map((a: { id: string }) => a.id)).toEqual([auditId])
    // Pune opens its own.
    expect((await ok(api.post("/admin/stock-audits", { branch_id: branch.PUN }, puneManager))).status).toBe(201)

    await ok(api.post(`/admin/stock-audits/${auditId}/close`, {}, mumbaiStaff))
    const bySalesStaff = await expectStatus(api.post(`/admin/stock-audits/${auditId}/post`, {}, mumbaiStaff))
    expect([bySalesStaff.status, bySalesStaff.data.message]).toEqual([403, expect.stringContaining("may not approve stock")])
    expect((await expectStatus(api.post(`/admin/stock-audits/${auditId}/post`, {}, puneManager))).status).toBe(404)
    expect((await ok(api.post(`/admin/stock-audits/${auditId}/post`, {}, mumbaiManager))).data.audit.status).toBe("posted")
  })

  it("counts one category with its subcategories, beside an audit of the whole branch", async () => {
    const product = getContainer().resolve(Modules.PRODUCT)
    const [rings] = await product.listProductCategories({ handle: "rings" })
    const [toeRings] = await product.createProductCategories([{ name: "Toe rings", handle: "toe-rings", parent_category_id: rings.id, is_active: true }])
    const { rows: pendants } = await knex().raw(
      `select pcp.product_id from product_category_product pcp join product_category pc on pc.id = pcp.product_category_id where pc.handle = 'pendants'`
    )
    await product.updateProducts(pendants[0].product_id, { category_ids: [toeRings.id] })
    const { rows: wanted } = await knex().raw(
      `select distinct ja.tag_code
         from product_category_product pcp
         join product_variant v on v.product_id = pcp.product_id and v.deleted_at is null
         join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.product_variant_id = v.id and vj.deleted_at is null
         join jewelry_attributes ja on ja.id = vj.jewelry_attributes_id and ja.deleted_at is null
         join product_variant_inventory_item pvi on pvi.variant_id = v.id and pvi.deleted_at is null
         join inventory_level il on il.inventory_item_id = pvi.inventory_item_id and il.deleted_at is null and il.stocked_quantity > 0
        where pcp.product_category_id in (?, ?) and il.location_id = ?
        order by 1`,
      [rings.id, toeRings.id, location.BLR]
    )
    expect(wanted.length).toBeGreaterThan(1)
    const whole = await ok(api.post("/admin/stock-audits", { branch_id: branch.BLR }, owner))
    const ofRings = await ok(api.post("/admin/stock-audits", { branch_id: branch.BLR, category_id: rings.id }, owner))
    expect(ofRings.data.audit.category).toEqual({ id: rings.id, name: rings.name })
    const lines = (await ok(api.get(`/admin/stock-audits/${ofRings.data.audit.id}?limit=500`, owner))).data.lines.map((l: Line) => l.tag_code).sort()
    expect(lines).toEqual(wanted.map((r: { tag_code: string }) => r.tag_code))
    expect(whole.data.audit.summary.expected.tags).toBeGreaterThan(lines.length)
    const again = await expectStatus(api.post("/admin/stock-audits", { branch_id: branch.BLR, category_id: rings.id }, owner))
    expect([again.status, again.data.message]).toEqual([409, `Audit ${ofRings.data.audit.id} of this branch and category is still open; close or cancel it before opening another`])
    const nowhere = await expectStatus(api.post("/admin/stock-audits", { branch_id: branch.BLR, category_id: "pcat_does_not_exist" }, owner))
    expect([nowhere.status, nowhere.data.message]).toEqual([404, 'Product category "pcat_does_not_exist" was not found'])
  })

  it("posts the adjustments once: missing off Mumbai, extra onto it, Pune's piece moved to Mumbai", async () => {
    const auditId = await countMumbai()
    const early = await expectStatus(api.post(`/admin/stock-audits/${auditId}/post`, {}, mumbaiManager))
    expect([early.status, early.data.message]).toEqual([409, "This audit cannot be posted: it is still open; close it first"])
    await ok(api.post(`/admin/stock-audits/${auditId}/close`, {}, mumbaiStaff))
    const levels = async () => [await level(missing, "MUM"), await level(extra, "MUM"), await level(misplaced, "MUM"), await level(misplaced, "PUN"), await level(pieces[3], "MUM")]
    const puneBefore = await level(misplaced, "PUN")
    const before = await levels()
    expect(before).toEqual([mumbaiLevel.get(missing.tag_code), 0, 0, puneBefore, mumbaiLevel.get(pieces[3].tag_code)])

    const posted = await ok(api.post(`/admin/stock-audits/${auditId}/post`, { note: "counted twice" }, mumbaiManager))
    const adjustment = (a: { tag_code: string; branch: { code: string }; from: number; to: number; reason: string }) => [a.tag_code, a.branch.code, a.from, a.to, a.reason]
    expect(posted.data.replayed).toBe(false)
    expect(posted.data.audit.status).toBe("posted")
    expect(posted.data.adjustments.map(adjustment).sort()).toEqual(
      [
        [missing.tag_code, "MUM", mumbaiLevel.get(missing.tag_code), 0, "missing"],
        [extra.tag_code, "MUM", 0, 1, "extra"],
        [misplaced.tag_code, "PUN", puneBefore, puneBefore - 1, "misplaced_out"],
        [misplaced.tag_code, "MUM", 0, 1, "misplaced_in"],
      ].sort()
    )
    const after = await levels()
    expect(after).toEqual([0, 1, 1, puneBefore - 1, before[4]])

    const again = await ok(api.post(`/admin/stock-audits/${auditId}/post`, {}, mumbaiManager))
    expect(again.data.replayed).toBe(true)
    expect(again.data.adjustments.map(adjustment).sort()).toEqual(posted.data.adjustments.map(adjustment).sort())
    expect(await levels()).toEqual(after)
    // One entry for the posting and one a stock level, recorded once.
    const trail = await ok(api.get(`/admin/audit?action=stock_audit&limit=200`, owner))
    const actions = trail.data.audit_entries.map((e: { action: string }) => e.action).filter((a: string) => a !== "stock_audit.opened" && a !== "stock_audit.closed")
    expect(actions.sort()).toEqual(["stock_audit.posted", ...Array(4).fill("stock_audit.stock_adjusted")].sort())
    const cancel = await expectStatus(api.post(`/admin/stock-audits/${auditId}/cancel`, {}, mumbaiManager))
    expect([cancel.status, cancel.data.message]).toEqual([409, "This audit cannot be cancelled: it is posted already"])
  })
}
