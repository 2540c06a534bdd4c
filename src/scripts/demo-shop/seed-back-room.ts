import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BRANCH_LOCATION_LINK_TABLE, VARIANT_JEWELRY_LINK_TABLE } from "../../lib/link-tables"
import { APPROVAL_MEMO_MODULE } from "../../modules/approval-memo"
import type ApprovalMemoModuleService from "../../modules/approval-memo/service"
import { KARIGAR_MODULE } from "../../modules/karigar"
import type KarigarModuleService from "../../modules/karigar/service"
import { STOCK_TRANSFER_MODULE } from "../../modules/stock-transfer"
import type StockTransferModuleService from "../../modules/stock-transfer/service"
import { WORKSHOP_MODULE } from "../../modules/workshop"
import type WorkshopModuleService from "../../modules/workshop/service"
import { jobBill, jobGstRate, type JobStatus } from "../../lib/workshop"
import { issueApprovalMemoWorkflow, returnApprovalPiecesWorkflow } from "../../workflows/approval-memos"
import { issueToKarigarWorkflow, receiveFromKarigarWorkflow, saveKarigarWorkflow } from "../../workflows/karigar"
import { closeStockTransferWorkflow, dispatchStockTransferWorkflow, receiveStockTransferScanWorkflow } from "../../workflows/stock-transfers"
import { moveJobCardWorkflow, receiveJobCardWorkflow, takeJobAdvanceWorkflow } from "../../workflows/workshop"

type Log = (message: string) => void

const SEED = { actor_type: "system", actor_id: "demo-seed", ip: null, user_agent: null } as const
const DAY = 86_400_000

/** The demo's karigars: who makes the shop's bangles, who mends its chains, who works its silver. */
const KARIGARS = [
  { name: "Ramesh Soni", phone: "+919820012345", address: "2nd floor, Dhanji Street, Zaveri Bazaar, Mumbai", wastage_bps: 300 },
  { name: "Anil Verma", phone: "+919822054321", address: "Raviwar Peth, Pune", wastage_bps: 250 },
  { name: "Mahesh Kumar", phone: "+919845067890", address: "Avenue Road, Bengaluru", wastage_bps: 400 },
]

/** The jobs on the workshop's board: one at each step, one of them overdue-to-be. */
const JOBS: { key: string; kind: "repair" | "custom_order"; article: string; work: string; gross: number; net: number; estimate: number; advance?: number; due_days: number; steps: JobStatus[] }[] = [
  { key: "demo-job-1", kind: "repair", article: "22K rope chain, 18 in", work: "Solder the broken clasp, polish", gross: 12_600, net: 12_480, estimate: 450_00, due_days: 3, steps: [] },
  { key: "demo-job-2", kind: "repair", article: "22K jhumkas, pair", work: "Replace the screw backs, re-fix one stone", gross: 9_800, net: 9_420, estimate: 800_00, due_days: 5, steps: ["with_karigar"] },
  { key: "demo-job-3", kind: "custom_order", article: "22K kada to order, size 2.6", work: "Make a plain kada from the customer's old bangles", gross: 0, net: 0, estimate: 9_500_00, advance: 5_000_00, due_days: 12, steps: ["with_karigar", "ready"] },
  { key: "demo-job-4", kind: "repair", article: "18K diamond ring", work: "Resize from 12 to 14", gross: 4_300, net: 4_100, estimate: 650_00, advance: 200_00, due_days: 2, steps: ["ready", "delivered"] },
]

/**
 * Something on each page behind the counter: karigars with challans (one settled, one out, silver part back),
 * job cards at each step, an approval memo out and one settled, a transfer on the road to Pune and one received
 * at Mumbai. Written through the same workflows the admin uses, with fixed keys, so a rerun adds nothing; the
 * pieces come from the generated catalogue, never the basic demo products the tests and the tour name.
 */
export async function ensureDemoBackRoom(container: MedusaContainer, log: Log) {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows: branchRows } = await db.raw(`select b.id, b.code, b.name, bsl.stock_location_id from branch b join ${BRANCH_LOCATION_LINK_TABLE} bsl on bsl.branch_id = b.id and bsl.deleted_at is null where b.deleted_at is null`)
  const branch = Object.fromEntries((branchRows as { id: string; code: string; name: string; stock_location_id: string }[]).map((b) => [b.code, b]))
  if (!branch.MUM || !branch.PUN) {
    return
  }
  const { rows: customers } = await db.raw(`select id from customer where deleted_at is null and email is not null order by email limit 6`)
  if (customers.length < 3) {
    return
  }
  // Generated pieces in stock at a branch with nothing reserved, by tag (the generated tags end in -NNN-N).
  const freePieces = async (locationId: string, count: number): Promise<string[]> => {
    const { rows } = await db.raw(
      `select ja.tag_code from jewelry_attributes ja
         join ${VARIANT_JEWELRY_LINK_TABLE} vj on vj.jewelry_attributes_id = ja.id and vj.deleted_at is null
         join product_variant_inventory_item pvi on pvi.variant_id = vj.product_variant_id and pvi.deleted_at is null
         join inventory_level il on il.inventory_item_id = pvi.inventory_item_id and il.deleted_at is null
        where ja.deleted_at is null and ja.tag_code ~ '-[0-9]{3}-[0-9]+$' and il.location_id = ? and il.stocked_quantity - il.reserved_quantity >= 1
        order by ja.tag_code limit ?`,
      [locationId, count]
    )
    return (rows as { tag_code: string }[]).map((r) => r.tag_code)
  }

  log("behind the counter: karigars and their challans")
  const karigars: KarigarModuleService = container.resolve(KARIGAR_MODULE)
  const named = new Map<string, string>()
  for (const k of KARIGARS) {
    const [existing] = (await karigars.listKarigarRows({ q: k.name, active: null, limit: 1, offset: 0 })).karigars
    const karigar = existing ?? (await saveKarigarWorkflow(container).run({ input: { id: null, details: { ...k, gstin: null, active: true, note: null }, actor: SEED } })).result
    named.set(k.name, karigar.id)
  }
  const challan = async (key: string, input: { branch: string; karigar: string; metal: "gold" | "silver"; description: string; purity: number; grams: number }) =>
    (await karigars.challanByKey(key)) ??
    (
      await issueToKarigarWorkflow(container).run({
        input: {
          branch_id: branch[input.branch].id,
          karigar_id: named.get(input.karigar)!,
          job_card_id: null,
          metal: input.metal,
          form: "metal",
          description: input.description,
          purity: input.purity,
          gross_weight_mg: input.grams * 1000,
          net_weight_mg: input.grams * 1000,
          allowed_wastage_bps: null,
          from_old_gold_stock: false,
          due_at: new Date(Date.now() + 14 * DAY),
          note: null,
          user_id: null,
          idempotency_key: key,
          actor: SEED,
        },
      })
    ).result
  const receive = async (issueId: string, key: string, receipt: { form: "pieces" | "metal"; description: string; purity: number; net_mg: number; wastage_mg: number }) =>
    receiveFromKarigarWorkflow(container).run({
      input: {
        issue_id: issueId,
        form: receipt.form,
        description: receipt.description,
        purity: receipt.purity,
        gross_weight_mg: receipt.net_mg,
        net_weight_mg: receipt.net_mg,
        wastage_fine_mg: receipt.wastage_mg,
        to_old_gold_stock: false,
        received_by: null,
        idempotency_key: key,
        actor: SEED,
      },
    })
  // 50 g of 22K for two bangles: 45.800 g fine, back as 48.600 g of bangles (44.518 g fine) and 1.282 g wastage.
  const bangles = await challan("demo-jw-1", { branch: "MUM", karigar: "Ramesh Soni", metal: "gold", description: "22K bar for two bangles", purity: 916, grams: 50 })
  await receive(bangles.id, "demo-jw-1-back", { form: "pieces", description: "2 bangles, 22K", purity: 916, net_mg: 48_600, wastage_mg: 1_282 })
  await challan("demo-jw-2", { branch: "PUN", karigar: "Anil Verma", metal: "gold", description: "22K wire for a mangalsutra chain", purity: 916, grams: 20 })
  const silver = await challan("demo-jw-3", { branch: "BLR" in branch ? "BLR" : "MUM", karigar: "Mahesh Kumar", metal: "silver", description: "Fine silver for a pooja set", purity: 999, grams: 500 })
  await receive(silver.id, "demo-jw-3-back", { form: "pieces", description: "Kalash and two diyas", purity: 999, net_mg: 300_000, wastage_mg: 0 })

  log("behind the counter: job cards at each step")
  const workshop: WorkshopModuleService = container.resolve(WORKSHOP_MODULE)
  for (const [i, job] of JOBS.entries()) {
    if (await workshop.jobByKey(job.key)) {
      continue
    }
    const { result } = await receiveJobCardWorkflow(container).run({
      input: {
        branch_id: branch.MUM.id,
        customer_id: customers[i % customers.length].id,
        kind: job.kind,
        article: job.article,
        work: job.work,
        gross_weight_in_mg: job.gross,
        net_weight_in_mg: job.net,
        customer_material: job.kind === "custom_order" ? "Two old 22K bangles, 21.4 g" : null,
        adds_material: false,
        allowed_loss_bps: null,
        estimate_paise: job.estimate,
        due_at: new Date(Date.now() + job.due_days * DAY),
        karigar_name: null,
        note: null,
        user_id: null,
        idempotency_key: job.key,
        actor: SEED,
      },
    })
    if (job.advance) {
      await takeJobAdvanceWorkflow(container).run({
        input: { job_id: result.id, branch_code: "MUM", amount_paise: job.advance, tender: "cash", reference: null, user_id: null, idempotency_key: `${job.key}-advance`, actor: SEED },
      })
    }
    for (const to of job.steps) {
      // Delivery takes the balance of the estimate with GST by UPI.
      const balance = to === "delivered" ? jobBill(job.estimate, jobGstRate(null), job.advance ?? 0).balance_paise : 0
      await moveJobCardWorkflow(container).run({
        input: {
          id: result.id,
          to,
          user_id: null,
          karigar_name: to === "with_karigar" ? "Ramesh Soni" : null,
          gross_weight_out_mg: to === "delivered" ? job.gross - 10 : null,
          net_weight_out_mg: to === "delivered" ? job.net - 10 : null,
          note: null,
          tenders: balance > 0 ? [{ tender: "upi", amount_paise: balance, reference: `UPI-${job.key}` }] : undefined,
          branch_code: "MUM",
          branch_name: branch.MUM.name,
          actor: SEED,
        },
      })
    }
  }

  log("behind the counter: approval memos and stock transfers")
  const memos: ApprovalMemoModuleService = container.resolve(APPROVAL_MEMO_MODULE)
  const transfers: StockTransferModuleService = container.resolve(STOCK_TRANSFER_MODULE)
  const memoFor = async (key: string, customerId: string) => {
    if (await memos.memoByKey(key)) {
      return null
    }
    const pieces = await freePieces(branch.MUM.stock_location_id, 2)
    if (pieces.length < 2) {
      return null
    }
    const { result } = await issueApprovalMemoWorkflow(container).run({
      input: { branch_id: branch.MUM.id, customer_id: customerId, pieces: pieces.map((tag_code) => ({ tag_code })), due_at: null, note: null, user_id: null, idempotency_key: key, actor: SEED },
    })
    return { memo: result, pieces }
  }
  await memoFor("demo-memo-1", customers[1].id)
  const settled = await memoFor("demo-memo-2", customers[2].id)
  if (settled) {
    await returnApprovalPiecesWorkflow(container).run({ input: { memo_id: settled.memo.id, tags: settled.pieces, note: null, user_id: null, actor: SEED } })
  }
  if (!(await transfers.transferByKey("demo-transfer-1"))) {
    const pieces = await freePieces(branch.MUM.stock_location_id, 3)
    if (pieces.length) {
      await dispatchStockTransferWorkflow(container).run({
        input: { from_branch_id: branch.MUM.id, to_branch_id: branch.PUN.id, pieces: pieces.map((tag_code) => ({ tag_code })), carrier: "Sequel Logistics, docket SQ-889201", note: null, user_id: null, idempotency_key: "demo-transfer-1", actor: SEED },
      })
    }
  }
  if (!(await transfers.transferByKey("demo-transfer-2"))) {
    const pieces = await freePieces(branch.PUN.stock_location_id, 2)
    if (pieces.length) {
      const { result } = await dispatchStockTransferWorkflow(container).run({
        input: { from_branch_id: branch.PUN.id, to_branch_id: branch.MUM.id, pieces: pieces.map((tag_code) => ({ tag_code })), carrier: "By hand: Suresh (branch staff)", note: null, user_id: null, idempotency_key: "demo-transfer-2", actor: SEED },
      })
      for (const tag_code of pieces) {
        await receiveStockTransferScanWorkflow(container).run({ input: { transfer_id: result.id, branch_id: branch.MUM.id, tag_code, user_id: null, actor: SEED } })
      }
      await closeStockTransferWorkflow(container).run({ input: { transfer_id: result.id, branch_id: branch.MUM.id, note: null, user_id: null, actor: SEED } })
    }
  }
}
