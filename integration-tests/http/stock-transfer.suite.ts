import type { ShopSuite } from "../support/runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BRANCH_LOCATION_LINK_TABLE, VARIANT_JEWELRY_LINK_TABLE } from "../../src/lib/link-tables"
import { demoShop, expectStatus, ok, pdfText, salesStaffHeaders, type Headers } from "./helpers"

type Piece = { tag_code: string; inventory_item_id: string }

/**
 * Stock transfers between branches (docs/counter.md, "Stock transfers"): Mumbai sends three pieces to Pune; they
 * leave Mumbai's stock at once and join Pune's as they are scanned there; one piece arrives, a piece not on the
 * note is flagged, the two never scanned are short when the receipt closes. A retry with the key sends nothing
 * more; a wrong branch, a tag twice, a piece not free, someone else's transfer are refused and write nothing; two
 * notes for one last piece at once send it once; an inter-state challan carries IGST; a cancel gives the stock back.
 */
export const stockTransferSuite: ShopSuite = ({ api, getContainer }) => {
  let owner: Headers
  let mumbaiManager: Headers
  let mumbaiStaff: Headers
  let puneManager: Headers
  let bengaluruManager: Headers
  let branch: Record<string, string>
  let location: Record<string, string>
  /** Pieces in stock at Mumbai with nothing reserved, by tag, from the end of the list (the stock audit's plant uses its start). */
  let pieces: Piece[]

  const knex = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const inventory = () => getContainer().resolve(Modules.INVENTORY)

  async function level(piece: Piece, code: string): Promise<number> {
    const [found] = await inventory().listInventoryLevels({ inventory_item_id: piece.inventory_item_id, location_id: location[code] })
    return found ? Number(found.stocked_quantity) : 0
  }
  const levels = async (list: Piece[], code: string) => Promise.all(list.map((p) => level(p, code)))
  const setLevel = (piece: Piece, code: string, stocked: number) => inventory().updateInventoryLevels([{ inventory_item_id: piece.inventory_item_id, location_id: location[code], stocked_quantity: stocked }])
  const transferCount = async () => Number((await knex().raw("select count(*)::int as n from stock_transfer where deleted_at is null")).rows[0].n)

  beforeAll(async () => {
    ;({ auth: owner } = await demoShop(getContainer(), api))
    const { rows } = await knex().raw(
      `select bsl.branch_id, b.code, bsl.stock_location_id from ${BRANCH_LOCATION_LINK_TABLE} bsl join branch b on b.id = bsl.branch_id where bsl.deleted_at is null`
    )
    branch = Object.fromEntries(rows.map((r: { code: string; branch_id: string }) => [r.code, r.branch_id]))
    location = Object.fromEntries(rows.map((r: { code: string; stock_location_id: string }) => [r.code, r.stock_location_id]))
    mumbaiManager = await salesStaffHeaders(getContainer(), api, "transfer.manager.mum@example.in", branch.MUM, "branch_manager")
    mumbaiStaff = await salesStaffHeaders(getContainer(), api, "transfer.staff.mum@example.in", branch.MUM)
    puneManager = await salesStaffHeaders(getContainer(), api, "transfer.manager.pun@example.in", branch.PUN, "branch_manager")
    bengaluruManager = await salesStaffHeaders(getContainer(), api, "transfer.manager.blr@example.in", branch.BLR, "branch_manager")
    const stocked = await knex().raw(
      `select ja.tag_code, il.inventory_item_id
         from jewelry_attributes ja
         join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.jewelry_attributes_id = ja.id and vj.deleted_at is null
         join product_variant_inventory_item pvi on pvi.variant_id = vj.product_variant_id and pvi.deleted_at is null
         join inventory_level il on il.inventory_item_id = pvi.inventory_item_id and il.deleted_at is null
        where ja.deleted_at is null and il.location_id = ? and il.stocked_quantity >= 1 and il.reserved_quantity = 0
        order by ja.tag_code desc
        limit 8`,
      [location.MUM]
    )
    pieces = stocked.rows
    expect(pieces).toHaveLength(8)
  })

  const send = (body: Record<string, unknown>, who = mumbaiManager) => expectStatus(api.post("/admin/stock-transfers", body, who))
  const scan = (id: string, tag_code: string, at: string, who = puneManager) => expectStatus(api.post(`/admin/stock-transfers/${id}/scans`, { tag_code, branch_id: branch[at] }, who))

  it("sends pieces to another branch: out of stock at once, in at the other branch as scanned; short and extra flagged on closing", async () => {
    const [p1, p2, p3, notOnNote] = pieces
    const mumbaiBefore = await levels([p1, p2, p3], "MUM")
    const puneBefore = await levels([p1, p2, p3, notOnNote], "PUN")
    const body = {
      from_branch_id: branch.MUM,
      to_branch_id: branch.PUN,
      pieces: [{ tag_code: p1.tag_code }, { tag_code: p2.tag_code.toLowerCase() }, { tag_code: ` ${p3.tag_code}` }],
      carrier: "Sequel Logistics, docket SQ-889201",
      idempotency_key: "transfer-mum-pun-0001",
    }
    const sent = await send(body)
    expect(sent.status).toBe(201)
    const transfer = sent.data.transfer
    expect(transfer).toMatchObject({
      status: "in_transit",
      from_branch: { code: "MUM" },
      to_branch: { code: "PUN" },
      challan_kind: "intra_state",
      carrier: body.carrier,
      summary: { sent: { tags: 3, quantity: 3 }, in_transit: { tags: 3, quantity: 3 }, received: { tags: 0, quantity: 0 } },
    })
    expect(transfer.number).toMatch(/^MUM\/DC\d{2}-\d{2}\/\d{4}$/)
    expect(transfer.value_paise).toBeGreaterThan(0)
    expect(sent.data.lines.map((l: { tag_code: string; result: string }) => [l.tag_code, l.result]).sort()).toEqual([p1, p2, p3].map((p) => [p.tag_code, "in_transit"]).sort())
    // In transit: out of Mumbai's stock, not yet in Pune's.
    expect(await levels([p1, p2, p3], "MUM")).toEqual(mumbaiBefore.map((n) => n - 1))
    expect(await levels([p1, p2, p3, notOnNote], "PUN")).toEqual(puneBefore)
    // The counter's tag lookup says where it is.
    const lookedUp = await ok(api.get(`/admin/jewelry/tags/${p2.tag_code}`, mumbaiManager))
    expect(lookedUp.data.in_transit).toEqual([expect.objectContaining({ transfer_id: transfer.id, number: transfer.number, quantity: 1, from_branch_name: expect.stringMatching(/^Mumbai/), to_branch_name: expect.stringMatching(/^Pune/) })])

    // The same key again: the same transfer, nothing more sent.
    const again = await send(body)
    expect([again.status, again.data.transfer.id]).toEqual([200, transfer.id])
    expect(await levels([p1, p2, p3], "MUM")).toEqual(mumbaiBefore.map((n) => n - 1))

    // Received only at Pune, and only by staff who may move stock.
    const atMumbai = await scan(transfer.id, p1.tag_code, "MUM", mumbaiManager)
    expect([atMumbai.status, atMumbai.data.message]).toEqual([409, expect.stringMatching(new RegExp(`^Transfer ${transfer.number.replace(/\//g, "\\/")} goes to Pune .*; it is received there, not at Mumbai`))])
    expect((await scan(transfer.id, p1.tag_code, "MUM", mumbaiStaff)).status).toBe(403)
    const puneFromMumbai = await scan(transfer.id, p1.tag_code, "PUN", mumbaiManager)
    expect([puneFromMumbai.status, puneFromMumbai.data.message]).toEqual([400, expect.stringMatching(/belongs to another branch/)])

    const first = await scan(transfer.id, p1.tag_code.toLowerCase(), "PUN")
    expect([first.status, first.data.scan.result, first.data.scan.message]).toEqual([201, "received", expect.stringMatching(/^Received: /)])
    expect(first.data.transfer.summary.received).toEqual({ tags: 1, quantity: 1 })
    expect(await level(p1, "PUN")).toBe(puneBefore[0] + 1)
    const twice = await scan(transfer.id, p1.tag_code, "PUN")
    expect([twice.status, twice.data.message]).toEqual([409, expect.stringContaining(p1.tag_code)])
    expect(await level(p1, "PUN")).toBe(puneBefore[0] + 1)
    const extra = await scan(transfer.id, notOnNote.tag_code, "PUN")
    expect([extra.status, extra.data.scan.result, extra.data.scan.message]).toEqual([201, "extra", expect.stringMatching(/^Not on this transfer: .* flagged extra; no stock moved$/)])
    expect(await level(notOnNote, "PUN")).toBe(puneBefore[3])
    const unknown = await scan(transfer.id, "NO-SUCH-TAG-77", "PUN")
    expect([unknown.status, unknown.data.scan.result]).toEqual([201, "extra"])

    // Something arrived: the sender can no longer call it back.
    const cancel = await expectStatus(api.post(`/admin/stock-transfers/${transfer.id}/cancel`, {}, mumbaiManager))
    expect([cancel.status, cancel.data.message]).toEqual([409, expect.stringMatching(/scanned in at the receiving branch/)])

    const closed = await ok(api.post(`/admin/stock-transfers/${transfer.id}/close`, { branch_id: branch.PUN, note: "two pieces not in the parcel" }, puneManager))
    expect(closed.data.transfer).toMatchObject({
      status: "received",
      received_by: { id: expect.any(String) },
      summary: { sent: { tags: 3, quantity: 3 }, received: { tags: 1, quantity: 1 }, short: { tags: 2, quantity: 2 }, extra: { tags: 2, quantity: 0 }, in_transit: { tags: 0, quantity: 0 }, complete: false },
    })
    const result = (tag: string) => closed.data.lines.find((l: { tag_code: string }) => l.tag_code === tag)?.result
    expect([p1, p2, p3, notOnNote].map((p) => result(p.tag_code))).toEqual(["received", "short", "short", "extra"])
    // The short pieces are in nobody's stock.
    expect(await levels([p2, p3], "MUM")).toEqual(mumbaiBefore.slice(1).map((n) => n - 1))
    expect(await levels([p2, p3], "PUN")).toEqual(puneBefore.slice(1, 3))
    expect((await scan(transfer.id, p2.tag_code, "PUN")).status).toBe(409)
    expect((await ok(api.get(`/admin/jewelry/tags/${p2.tag_code}`, mumbaiManager))).data.in_transit).toEqual([])

    // Both ends see it; a third branch does not.
    expect((await ok(api.get(`/admin/stock-transfers/${transfer.id}`, mumbaiManager))).data.transfer.status).toBe("received")
    expect((await expectStatus(api.get(`/admin/stock-transfers/${transfer.id}`, bengaluruManager))).status).toBe(404)
    const incoming = await ok(api.get(`/admin/stock-transfers?direction=incoming`, puneManager))
    expect(incoming.data.transfers.map((t: { id: string }) => t.id)).toContain(transfer.id)
    expect((await ok(api.get(`/admin/stock-transfers?direction=outgoing`, puneManager))).data.transfers.map((t: { id: string }) => t.id)).not.toContain(transfer.id)
    expect((await ok(api.get(`/admin/stock-transfers`, bengaluruManager))).data.transfers.map((t: { id: string }) => t.id)).not.toContain(transfer.id)

    // The delivery challan that went with them.
    const challan = await ok(api.get(`/admin/stock-transfers/${transfer.id}/challan`, { ...puneManager, responseType: "arraybuffer" }))
    expect(Buffer.from(challan.data).subarray(0, 5).toString()).toBe("%PDF-")
    // A long tag wraps in its column after a dash.
    const text = (await pdfText(challan.data)).replace(/- /g, "-")
    expect(text).toContain("DELIVERY CHALLAN")
    expect(text).toContain(transfer.number)
    expect(text).toContain(p2.tag_code)
    expect(text).toContain("rule 55")
    expect(text).not.toContain("IGST")

    // The audit trail: sent, received piece by piece, closed.
    const trail = (await ok(api.get(`/admin/audit?action=stock_transfer&limit=100`, owner))).data.audit_entries as { action: string; entity: string; entity_id: string; metadata: Record<string, unknown>; changes: Record<string, { before: unknown; after: unknown }> }[]
    const ofThis = trail.filter((e) => e.entity_id === transfer.id || e.metadata?.stock_transfer_id === transfer.id)
    expect(ofThis.map((e) => `${e.action}:${e.entity}`).sort()).toEqual(
      ["stock_transfer.closed:stock_transfer", "stock_transfer.dispatched:stock_transfer", ...Array(3).fill("stock_transfer.dispatched:inventory_item"), "stock_transfer.received:inventory_item"].sort()
    )
    expect(ofThis.find((e) => e.action === "stock_transfer.received")).toMatchObject({ entity_id: p1.inventory_item_id, changes: { stocked_quantity: { before: puneBefore[0], after: puneBefore[0] + 1 } } })
  })

  it("refuses a bad note with a clear 4xx and writes nothing", async () => {
    const [, , , , p5, p6] = pieces
    const before = await transferCount()
    const stock = await levels([p5, p6], "MUM")
    const cases: [Record<string, unknown>, number, RegExp, Headers?][] = [
      [{ from_branch_id: branch.MUM, to_branch_id: branch.PUN, pieces: [{ tag_code: p5.tag_code }, { tag_code: p5.tag_code.toLowerCase() }] }, 400, new RegExp(`Listed more than once: ${p5.tag_code}`)],
      [{ from_branch_id: branch.MUM, to_branch_id: branch.PUN, pieces: [{ tag_code: p5.tag_code }, { tag_code: "NOPE-404" }] }, 400, /No piece has the tag NOPE-404/],
      [{ from_branch_id: branch.MUM, to_branch_id: branch.MUM, pieces: [{ tag_code: p5.tag_code }] }, 400, /the two branches are the same/],
      [{ from_branch_id: branch.MUM, to_branch_id: branch.PUN, pieces: [] }, 400, /pieces.*at least/],
      [{ from_branch_id: branch.MUM, to_branch_id: branch.PUN, pieces: [{ tag_code: p5.tag_code, quantity: 0 }] }, 400, /quantity.*at least/],
      [{ from_branch_id: branch.MUM, to_branch_id: branch.PUN, pieces: [{ tag_code: p5.tag_code }, { tag_code: p6.tag_code, quantity: 500 }] }, 409, new RegExp(`^Not sent: ${p6.tag_code}: 500 asked`)],
      [{ from_branch_id: branch.MUM, to_branch_id: branch.PUN, pieces: [{ tag_code: p5.tag_code }] }, 400, /belongs to another branch/, puneManager],
      [{ from_branch_id: branch.MUM, to_branch_id: branch.PUN, pieces: [{ tag_code: p5.tag_code }] }, 403, /./, mumbaiStaff],
    ]
    for (const [body, status, message, who] of cases) {
      const res = await send(body, who)
      expect([res.status, res.data.message]).toEqual([status, expect.stringMatching(message)])
    }
    expect(await transferCount()).toBe(before)
    expect(await levels([p5, p6], "MUM")).toEqual(stock)
  })

  it("sends the last piece once when two notes ask for it at once", async () => {
    const last = pieces[6]
    await setLevel(last, "MUM", 1)
    const note = (to: string) => ({ from_branch_id: branch.MUM, to_branch_id: branch[to], pieces: [{ tag_code: last.tag_code }] })
    const answers = await Promise.all([send(note("PUN")), send(note("BLR")), send(note("PUN"))])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409])
    expect(answers.filter((a) => a.status === 409).every((a) => new RegExp(`^Not sent: ${last.tag_code} is not in stock at Mumbai`).test(a.data.message))).toBe(true)
    expect(await level(last, "MUM")).toBe(0)
  })

  it("prints IGST on an inter-state challan, and a cancelled transfer gives its pieces back to the sender", async () => {
    const piece = pieces[7]
    const before = await level(piece, "MUM")
    const atBengaluru = await level(piece, "BLR")
    const sent = await ok(api.post("/admin/stock-transfers", { from_branch_id: branch.MUM, to_branch_id: branch.BLR, pieces: [{ tag_code: piece.tag_code }] }, owner))
    const transfer = sent.data.transfer
    expect(transfer.challan_kind).toBe("inter_state")
    expect(await level(piece, "MUM")).toBe(before - 1)
    const text = await pdfText((await ok(api.get(`/admin/stock-transfers/${transfer.id}/challan`, { ...owner, responseType: "arraybuffer" }))).data)
    expect(text).toContain("INTER-STATE STOCK TRANSFER")
    expect(text).toContain("IGST")
    expect(text).toMatch(/GSTIN 29/)

    expect((await expectStatus(api.post(`/admin/stock-transfers/${transfer.id}/cancel`, {}, bengaluruManager))).status).toBe(400)
    const cancelled = await ok(api.post(`/admin/stock-transfers/${transfer.id}/cancel`, { note: "customer bought it here" }, mumbaiManager))
    expect(cancelled.data.transfer).toMatchObject({ status: "cancelled", cancelled_by: { id: expect.any(String) } })
    expect(await level(piece, "MUM")).toBe(before)
    expect(await level(piece, "BLR")).toBe(atBengaluru)
    const again = await expectStatus(api.post(`/admin/stock-transfers/${transfer.id}/cancel`, {}, mumbaiManager))
    expect([again.status, again.data.message]).toEqual([409, "This transfer was cancelled; it cannot be cancelled"])
    expect((await expectStatus(api.post(`/admin/stock-transfers/${transfer.id}/scans`, { tag_code: piece.tag_code, branch_id: branch.BLR }, bengaluruManager))).status).toBe(409)
    expect(await level(piece, "MUM")).toBe(before)
  })
}
