import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { cashPayoutProblem, stockMovementProblem, type OldArticle, type OldArticleValuation, type StockMovementKind } from "../../lib/old-gold"
import type { Metal } from "../../lib/pricing"
import { pgArray } from "../../lib/pg-array"
import { pageKeySql, periodConditions } from "../../lib/sql-rows"
import { takeNextInSeries } from "../../lib/series-counter"
import { documentNumber, financialYear } from "../../lib/tax-documents"
import { OldGoldArticle } from "./models/article"
import { OldGoldBuyingRate } from "./models/buying-rate"
import { OldGoldCounter } from "./models/counter"
import { OldGoldMovement } from "./models/movement"
import { OldGoldVoucher } from "./models/voucher"

export type ValuedArticle = OldArticle & { valuation: OldArticleValuation }

export type IssueVoucherInput = {
  idempotency_key: string
  fingerprint: string
  branch_id: string
  branch_code: string
  customer_id: string
  user_id: string | null
  kind: "exchange" | "purchase"
  articles: ValuedArticle[]
  cash_paise: number
  bank_paise: number
  sale_credit_paise: number
  bank_reference: string | null
  identity: "not_needed" | "pan" | "form_60"
  pan_masked: string | null
  pan_encrypted: string | null
  note: string | null
  /** Cash a customer may be paid for old gold in one day (src/lib/old-gold.ts). */
  cash_limit_paise: number
}

export type VoucherRow = {
  id: string
  number: string
  branch_id: string
  customer_id: string
  kind: "exchange" | "purchase"
  total_value_paise: number
  cash_paise: number
  bank_paise: number
  sale_credit_paise: number
  credit_used_paise: number
  identity: string
  pan_masked: string | null
  issued_at: Date
}

export type MoveStockInput = {
  idempotency_key: string
  branch_id: string
  metal: Metal
  /** Signed fine mg: negative out of the stock, positive in (adjustments and metal back from a karigar). */
  fine_mg: number
  kind: StockMovementKind | "from_karigar"
  reference: string | null
  note: string | null
  user_id: string | null
}

export type MovementRow = { id: string; branch_id: string; metal: Metal; fine_mg: number; kind: string; reference: string | null; note: string | null; user_id: string | null; created_at: Date }

const IST_OFFSET_MS = 330 * 60_000

/** Midnight in India of the day `at` falls in, as an instant. */
function startOfIndianDay(at: Date): Date {
  const local = new Date(at.getTime() + IST_OFFSET_MS)
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - IST_OFFSET_MS)
}

class OldGoldModuleService extends MedusaService({ OldGoldBuyingRate, OldGoldVoucher, OldGoldArticle, OldGoldMovement, OldGoldCounter }) {
  /**
   * Issues a purchase voucher once per idempotency key, in one transaction: the key is locked first (a
   * replay waits and gets the first voucher; the same key with another purchase is refused), the day's
   * cash paid to the customer is checked under a lock on the customer (two counters cannot both pay the
   * last of the limit), then the number is taken from the series under its row lock and the voucher, its
   * articles and the old-gold stock movements are written.
   */
  @InjectManager()
  async issueVoucher(input: IssueVoucherInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ voucher: VoucherRow; created: boolean }> {
    return this.issueVoucher_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async issueVoucher_(input: IssueVoucherInput, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const db = sharedContext.transactionManager!
    await db.execute("select pg_advisory_xact_lock(hashtext(?))", [`old-gold-voucher:${input.idempotency_key}`])
    const existing = await this.voucherByKey(db, input.idempotency_key)
    if (existing) {
      if (existing.fingerprint !== input.fingerprint) {
        throw new MedusaError(MedusaError.Types.CONFLICT, "This idempotency key was used for another old-gold purchase; use a new key for a new purchase")
      }
      return { voucher: existing.row, created: false }
    }
    const issuedAt = new Date()
    if (input.cash_paise > 0) {
      await db.execute("select pg_advisory_xact_lock(hashtext(?))", [`old-gold-cash:${input.customer_id}`])
      const [{ paid }] = (await db.execute(
        "select coalesce(sum(cash_paise), 0)::bigint as paid from old_gold_voucher where customer_id = ? and issued_at >= ? and deleted_at is null",
        [input.customer_id, startOfIndianDay(issuedAt)]
      )) as { paid: string }[]
      const problem = cashPayoutProblem(input.cash_paise, Number(paid), input.cash_limit_paise)
      if (problem) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem)
      }
    }
    const fy = financialYear(issuedAt)
    const series = `old_gold:${input.branch_code}:${fy}`
    const sequence = await takeNextInSeries(db, "old_gold_counter", series)
    const number = documentNumber("old_gold_voucher", input.branch_code, fy, sequence)

    const total = input.articles.reduce((sum, a) => sum + a.valuation.value_paise, 0)
    const [voucher] = await this.createOldGoldVouchers(
      [
        {
          idempotency_key: input.idempotency_key,
          fingerprint: input.fingerprint,
          number,
          series,
          sequence,
          financial_year: fy,
          branch_id: input.branch_id,
          branch_code: input.branch_code,
          customer_id: input.customer_id,
          user_id: input.user_id,
          kind: input.kind,
          total_value_paise: total,
          cash_paise: input.cash_paise,
          bank_paise: input.bank_paise,
          sale_credit_paise: input.sale_credit_paise,
          bank_reference: input.bank_reference,
          identity: input.identity,
          pan_masked: input.pan_masked,
          pan_encrypted: input.pan_encrypted,
          note: input.note,
          issued_at: issuedAt,
        },
      ],
      sharedContext
    )
    await this.createOldGoldArticles(
      input.articles.map(({ valuation: v, ...a }) => ({
        voucher_id: voucher.id,
        metal: a.metal,
        description: a.description.trim(),
        purity_test: a.purity_test,
        gross_weight_mg: a.gross_weight_mg,
        deduction_weight_mg: a.deduction_weight_mg,
        tested_purity: a.tested_purity,
        net_weight_mg: v.net_weight_mg,
        fine_weight_mg: v.fine_weight_mg,
        melting_loss_bps: v.melting_loss_bps,
        melting_loss_mg: v.melting_loss_mg,
        payable_fine_mg: v.payable_fine_mg,
        rate_purity: v.rate.purity,
        rate_per_g_paise: v.rate.rate_per_g_paise,
        value_paise: v.value_paise,
      })),
      sharedContext
    )
    const fineByMetal = new Map<Metal, number>()
    for (const a of input.articles) {
      fineByMetal.set(a.metal, (fineByMetal.get(a.metal) ?? 0) + a.valuation.payable_fine_mg)
    }
    await this.createOldGoldMovements(
      [...fineByMetal].map(([metal, fine]) => ({ branch_id: input.branch_id, metal, fine_mg: fine, kind: "purchase" as const, voucher_id: voucher.id, reference: number, user_id: input.user_id })),
      sharedContext
    )
    return { voucher: toVoucherRow(voucher as unknown as Record<string, unknown>), created: true }
  }

  /**
   * Sets (part of) an exchange voucher's credit against a counter sale: in one statement, so two counters
   * using the same voucher cannot spend its credit twice. Refuses a voucher of another customer, a purchase
   * voucher (paid out already) and more than is left.
   */
  @InjectManager()
  async useSaleCredit(input: { number: string; customer_id: string; amount_paise: number }, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ voucher_id: string; left_paise: number }> {
    const db = sharedContext.manager!
    const [found] = (await db.execute(
      "select id, customer_id, kind, sale_credit_paise, credit_used_paise from old_gold_voucher where number = ? and deleted_at is null",
      [input.number]
    )) as { id: string; customer_id: string; kind: string; sale_credit_paise: string; credit_used_paise: string }[]
    const refuse = (message: string): never => {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
    }
    if (!found) {
      refuse(`An old-gold tender's reference is its exchange voucher's number; "${input.number}" is not one`)
    }
    if (found.customer_id !== input.customer_id) {
      refuse(`Old-gold voucher ${input.number} is another customer's`)
    }
    if (found.kind !== "exchange") {
      refuse(`Old-gold voucher ${input.number} was a purchase, paid out already; only an exchange voucher's credit pays for a sale`)
    }
    const [used] = (await db.execute(
      `update old_gold_voucher
          set credit_used_paise = credit_used_paise + ?,
              raw_credit_used_paise = jsonb_build_object('value', (credit_used_paise + ?)::text, 'precision', 20),
              updated_at = now()
        where id = ? and sale_credit_paise - credit_used_paise >= ?
        returning sale_credit_paise - credit_used_paise as left`,
      [input.amount_paise, input.amount_paise, found.id, input.amount_paise]
    )) as { left: string }[]
    if (!used) {
      const left = Number(found.sale_credit_paise) - Number(found.credit_used_paise)
      refuse(`Old-gold voucher ${input.number} has ₹${left / 100} of credit left, less than the ₹${input.amount_paise / 100} tendered`)
    }
    return { voucher_id: found.id, left_paise: Number(used.left) }
  }

  /** Gives back credit taken by useSaleCredit (a counter sale that failed after it). */
  @InjectManager()
  async releaseSaleCredit(input: { voucher_id: string; amount_paise: number }, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.manager!.execute(
      `update old_gold_voucher
          set credit_used_paise = greatest(credit_used_paise - ?, 0),
              raw_credit_used_paise = jsonb_build_object('value', greatest(credit_used_paise - ?, 0)::text, 'precision', 20),
              updated_at = now()
        where id = ?`,
      [input.amount_paise, input.amount_paise, input.voucher_id]
    )
  }

  /**
   * Records old metal leaving (or, for an adjustment, entering) a branch's stock, once per idempotency key:
   * under a lock on the branch and metal, so two movements cannot both take the last of the stock; a
   * movement out of more than the branch holds is refused.
   */
  @InjectManager()
  async moveStock(input: MoveStockInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ movement: MovementRow; created: boolean }> {
    return this.moveStock_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async moveStock_(input: MoveStockInput, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const db = sharedContext.transactionManager!
    await db.execute("select pg_advisory_xact_lock(hashtext(?))", [`old-gold-stock:${input.branch_id}:${input.metal}`])
    const columns = "id, branch_id, metal, fine_mg, kind, reference, note, user_id, created_at"
    const [existing] = (await db.execute(`select ${columns} from old_gold_movement where idempotency_key = ? and deleted_at is null`, [input.idempotency_key])) as MovementRow[]
    if (existing) {
      if (existing.branch_id !== input.branch_id || existing.metal !== input.metal || Number(existing.fine_mg) !== input.fine_mg || existing.kind !== input.kind) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "idempotency_key: this key recorded another movement; use a new key for a new movement")
      }
      return { movement: { ...existing, fine_mg: Number(existing.fine_mg) }, created: false }
    }
    const [{ held }] = (await db.execute("select coalesce(sum(fine_mg), 0)::bigint as held from old_gold_movement where branch_id = ? and metal = ? and deleted_at is null", [
      input.branch_id,
      input.metal,
    ])) as { held: string }[]
    const problem = stockMovementProblem(Number(held), input.fine_mg)
    if (problem) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `fine_mg: ${problem}`)
    }
    const [movement] = (await db.execute(
      `insert into old_gold_movement (id, branch_id, metal, fine_mg, kind, reference, note, user_id, idempotency_key, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now()) returning ${columns}`,
      [generateEntityId(undefined, "ogmov"), input.branch_id, input.metal, input.fine_mg, input.kind, input.reference, input.note, input.user_id, input.idempotency_key]
    )) as MovementRow[]
    return { movement: { ...movement, fine_mg: Number(movement.fine_mg) }, created: true }
  }

  /** Old-metal stock: fine mg per branch and metal (only branches in `branchIds` when given). */
  @InjectManager()
  async stockByBranch(branchIds: string[] | null, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ branch_id: string; metal: Metal; fine_mg: number }[]> {
    const db = sharedContext.manager!
    const rows = (await db.execute(
      `select branch_id, metal, sum(fine_mg)::bigint as fine_mg from old_gold_movement
        where deleted_at is null ${branchIds ? "and branch_id = any(?::text[])" : ""}
        group by branch_id, metal order by branch_id, metal`,
      branchIds ? [pgArray(branchIds)] : []
    )) as { branch_id: string; metal: Metal; fine_mg: string }[]
    return rows.map((r) => ({ ...r, fine_mg: Number(r.fine_mg) }))
  }

  /** The branches (by code) that issued vouchers in [from, to), and how many each: the ledgers an accounting export needs. */
  @InjectManager()
  async countVouchersIssuedBetween(
    { from, to, branch_ids }: { from: Date; to: Date; branch_ids?: string[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ branch_code: string; vouchers: number }[]> {
    const { where, values } = periodConditions({ at: "issued_at", from, to, branch_ids })
    const rows = (await sharedContext.manager!.execute(
      `select branch_code, count(*)::int as vouchers from old_gold_voucher where ${where.join(" and ")} group by branch_code order by branch_code`,
      values
    )) as { branch_code: string; vouchers: number }[]
    return rows.map((r) => ({ branch_code: r.branch_code, vouchers: Number(r.vouchers) }))
  }

  /**
   * The vouchers issued in [from, to) at these branches (all when not given), a page in time order after
   * `after` (keyset; each row's `page_key` is what to pass back, sql-rows.ts pageKeySql), with the branch's
   * code: what an accounting export posts.
   */
  @InjectManager()
  async listVouchersIssuedBetween(
    { from, to, branch_ids, after, limit }: { from: Date; to: Date; branch_ids?: string[]; after?: { issued_at: Date | string; id: string } | null; limit: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<(VoucherRow & { branch_code: string; page_key: string })[]> {
    const { where, values } = periodConditions({ at: "issued_at", from, to, branch_ids, after: after && { at: after.issued_at, id: after.id } })
    const rows = (await sharedContext.manager!.execute(
      `select id, number, branch_id, branch_code, customer_id, kind, total_value_paise, cash_paise, bank_paise, sale_credit_paise, credit_used_paise,
              identity, pan_masked, issued_at, ${pageKeySql("issued_at")} as page_key
         from old_gold_voucher where ${where.join(" and ")} order by issued_at, id limit ?`,
      [...values, limit]
    )) as Record<string, unknown>[]
    return rows.map((r) => ({ ...toVoucherRow(r), branch_code: String(r.branch_code), page_key: String(r.page_key) }))
  }

  private async voucherByKey(db: EntityManager, key: string): Promise<{ fingerprint: string; row: VoucherRow } | null> {
    const [found] = (await db.execute(
      `select id, number, branch_id, customer_id, kind, total_value_paise, cash_paise, bank_paise, sale_credit_paise, credit_used_paise,
              identity, pan_masked, issued_at, fingerprint
         from old_gold_voucher where idempotency_key = ? and deleted_at is null`,
      [key]
    )) as (Record<string, unknown> & { fingerprint: string })[]
    if (!found) {
      return null
    }
    return { fingerprint: found.fingerprint, row: toVoucherRow(found) }
  }
}

function toVoucherRow(found: Record<string, unknown>): VoucherRow {
  return {
    id: String(found.id),
    number: String(found.number),
    branch_id: String(found.branch_id),
    customer_id: String(found.customer_id),
    kind: found.kind as VoucherRow["kind"],
    total_value_paise: Number(found.total_value_paise),
    cash_paise: Number(found.cash_paise),
    bank_paise: Number(found.bank_paise),
    sale_credit_paise: Number(found.sale_credit_paise),
    credit_used_paise: Number(found.credit_used_paise ?? 0),
    identity: String(found.identity),
    pan_masked: (found.pan_masked as string | null) ?? null,
    issued_at: new Date(found.issued_at as string | Date),
  }
}

export default OldGoldModuleService
