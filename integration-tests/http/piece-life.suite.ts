import type { ShopSuite } from "../support/runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { demoShop, expectStatus, ok, salesStaffHeaders, type Headers } from "./helpers"

const TAG = "LIFE-R-0001"
const HUID = "LF7Q2A"

type Lookup = {
  stock: { branch_code: string; stocked: number }[]
  in_transit: { number: string }[]
  on_approval: { number: string }[]
}

/**
 * One piece's life behind the counter (docs/counter.md): taken in at Mumbai by stock intake, sent to Pune, scanned
 * in there, taken home on approval and brought back, sold at Pune's counter, and brought in for a repair by its
 * buyer. At each step the tag lookup says where it is — in one branch's stock, travelling, with a customer, or sold —
 * and the audit trail holds each move of its stock, in order.
 */
export const pieceLifeSuite: ShopSuite = ({ api, getContainer }) => {
  let owner: Headers
  let puneManager: Headers
  let branch: Record<string, string>

  const knex = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const where = async () => {
    const { data } = (await ok(api.get(`/admin/jewelry/tags/${TAG}`, owner))) as { data: Lookup }
    return {
      stock: Object.fromEntries(data.stock.map((s) => [s.branch_code, s.stocked])),
      in_transit: data.in_transit.map((t) => t.number),
      on_approval: data.on_approval.map((m) => m.number),
    }
  }

  beforeAll(async () => {
    ;({ auth: owner } = await demoShop(getContainer(), api))
    const { rows } = await knex().raw("select id, code from branch where deleted_at is null")
    branch = Object.fromEntries(rows.map((r: { id: string; code: string }) => [r.code, r.id]))
    puneManager = await salesStaffHeaders(getContainer(), api, "life.manager.pun@example.in", branch.PUN, "branch_manager")
  })

  it("follows a piece from intake through a transfer, an approval memo, a sale and a repair, where it is right at each step", async () => {
    // Intake: one hallmarked ring into Mumbai's stock.
    const csv = `tag_code,category,metal,purity,gross_weight_g,net_weight_g,making_type,making_value,branch,quantity,huid,title\n${TAG},rings,gold,916,4.100,4.100,per_gram,450,MUM,1,${HUID},Life ring\n`
    const intake = await expectStatus(api.post("/admin/jewelry/import", csv, { headers: { ...owner.headers, "content-type": "text/csv" } }))
    expect([intake.status, intake.data.imported, intake.data.errors]).toEqual([201, 1, []])
    expect(await where()).toEqual({ stock: { BLR: 0, MUM: 1, PUN: 0 }, in_transit: [], on_approval: [] })

    // Sent to Pune: in no branch's stock while it travels.
    const sent = await ok(api.post("/admin/stock-transfers", { from_branch_id: branch.MUM, to_branch_id: branch.PUN, pieces: [{ tag_code: TAG }], idempotency_key: "life-transfer-0001" }, owner))
    const transfer = sent.data.transfer
    expect(await where()).toEqual({ stock: { BLR: 0, MUM: 0, PUN: 0 }, in_transit: [transfer.number], on_approval: [] })
    // Not sellable anywhere meanwhile.
    const customer = (await ok(api.post("/admin/crm/customers", { first_name: "Lata", last_name: "Deshpande", phone: "9822044411" }, owner))).data.customer
    const early = await expectStatus(api.post("/admin/pos/quote", { branch_id: branch.MUM, customer_id: customer.id, items: [{ tag_code: TAG }] }, owner))
    expect(early.status).toBeGreaterThanOrEqual(400)
    expect(early.status).toBeLessThan(500)

    // Scanned in at Pune.
    const scanned = await ok(api.post(`/admin/stock-transfers/${transfer.id}/scans`, { tag_code: TAG, branch_id: branch.PUN }, puneManager))
    expect(scanned.data.scan.result).toBe("received")
    expect(await where()).toEqual({ stock: { BLR: 0, MUM: 0, PUN: 1 }, in_transit: [], on_approval: [] })

    // Home with a customer on approval, and back.
    const memo = (await ok(api.post("/admin/approval-memos", { branch_id: branch.PUN, customer_id: customer.id, pieces: [{ tag_code: TAG }], idempotency_key: "life-memo-0001" }, puneManager))).data.memo
    expect(await where()).toEqual({ stock: { BLR: 0, MUM: 0, PUN: 0 }, in_transit: [], on_approval: [memo.number] })
    await ok(api.post(`/admin/approval-memos/${memo.id}/returns`, { tags: [TAG] }, puneManager))
    expect(await where()).toEqual({ stock: { BLR: 0, MUM: 0, PUN: 1 }, in_transit: [], on_approval: [] })

    // Sold at Pune's counter by UPI; then nowhere in stock.
    const quote = (await ok(api.post("/admin/pos/quote", { branch_id: branch.PUN, customer_id: customer.id, items: [{ tag_code: TAG }] }, puneManager))).data.quote
    const sold = await expectStatus(
      api.post("/admin/pos/orders", { idempotency_key: "life-sale-0001", branch_id: branch.PUN, customer_id: customer.id, items: [{ tag_code: TAG }], tenders: [{ kind: "upi", amount: quote.total }] }, puneManager)
    )
    expect([sold.status, sold.data.message]).toEqual([201, undefined])
    expect(await where()).toEqual({ stock: { BLR: 0, MUM: 0, PUN: 0 }, in_transit: [], on_approval: [] })
    const again = await expectStatus(
      api.post("/admin/pos/orders", { idempotency_key: "life-sale-0002", branch_id: branch.PUN, customer_id: customer.id, items: [{ tag_code: TAG }], tenders: [{ kind: "upi", amount: quote.total }] }, puneManager)
    )
    expect(again.status).toBe(409)

    // Its buyer brings it in for a repair: a job card at Pune, delivered within the allowed loss.
    const job = (
      await ok(
        api.post(
          "/admin/job-cards",
          { branch_id: branch.PUN, customer_id: customer.id, kind: "repair", article: `Life ring, tag ${TAG}, HUID ${HUID}`, work: "Resize", gross_weight_in: "4.100", net_weight_in: "4.100", estimate: 300, due_at: new Date(Date.now() + 2 * 86_400_000).toISOString() },
          puneManager
        )
      )
    ).data.job
    await ok(api.post(`/admin/job-cards/${job.id}/steps`, { status: "ready" }, puneManager))
    const delivered = await ok(
      api.post(`/admin/job-cards/${job.id}/steps`, { status: "delivered", gross_weight_out: "4.090", net_weight_out: "4.090", tenders: [{ tender: "cash", amount: 354 }] }, puneManager)
    )
    expect(delivered.data.job).toMatchObject({ status: "delivered", paid_paise: 354_00, invoice: { number: expect.stringMatching(/^PUN\//) } })

    // The audit trail of its stock: sent, received, out on approval, returned — in that order.
    const { rows } = await knex().raw(
      `select a.action from audit_entry a where a.entity = 'inventory_item' and a.metadata->>'tag_code' = ? order by a.created_at, a.id`,
      [TAG]
    )
    expect(rows.map((r: { action: string }) => r.action)).toEqual(["stock_transfer.dispatched", "stock_transfer.received", "approval_memo.issued", "approval_memo.returned"])
  })
}
