import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { StaffRole } from "../../lib/access-matrix"
import { GATE_POLL_MS, SALES_GATE_LOCK } from "../../lib/backup/sales-gate"
import { DEFAULT_PRICE_LIMITS, RATE_CHANGE_RIGHTS, type PriceLimits, type RateChangeRight } from "../../lib/price-controls"
import { PosApproval } from "./models/pos-approval"
import { PosEstimate } from "./models/pos-estimate"
import { PosPriceLimit } from "./models/price-limit"
import { PaymentLink } from "./models/payment-link"
import { PaymentWebhookEvent } from "./models/payment-webhook-event"
import { PosSale } from "./models/pos-sale"
import { PosTender } from "./models/pos-tender"

export type WebhookEventInput = {
  provider: string
  event_id: string
  event: string
  provider_payment_id?: string | null
  provider_order_id?: string | null
  provider_refund_id?: string | null
  amount_paise?: number | null
  currency_code?: string | null
  reason?: string | null
  occurred_at: Date
}

export type EstimateInput = {
  branch_id: string
  branch_code: string
  customer_id: string
  user_id: string | null
  request: Record<string, unknown>
  figures: { total_paise: number; to_pay_paise: number; old_gold: { total_paise: number } | null }
  rates_key: string
}

class PosModuleService extends MedusaService({ PosSale, PosTender, PaymentLink, PaymentWebhookEvent, PosPriceLimit, PosApproval, PosEstimate }) {
  /** Numbers an estimate in its branch's series (E-MUM-000001, under a lock on the branch) and keeps it. */
  @InjectManager()
  async createEstimate(input: EstimateInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ id: string; number: string }> {
    return this.createEstimate_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async createEstimate_(input: EstimateInput, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const db = sharedContext.transactionManager!
    await db.execute("select pg_advisory_xact_lock(hashtext(?))", [`pos-estimate:${input.branch_id}`])
    const [{ n }] = (await db.execute("select count(*)::int as n from pos_estimate where branch_id = ?", [input.branch_id])) as { n: number }[]
    const number = `E-${input.branch_code}-${String(n + 1).padStart(6, "0")}`
    const oldGold = input.figures.old_gold?.total_paise ?? 0
    const [created] = await this.createPosEstimates(
      [
        {
          number,
          branch_id: input.branch_id,
          customer_id: input.customer_id,
          user_id: input.user_id,
          request: input.request,
          document: input.figures as unknown as Record<string, unknown>,
          total_paise: input.figures.total_paise,
          old_gold_paise: oldGold,
          to_pay_paise: input.figures.to_pay_paise,
          rates_key: input.rates_key,
        },
      ],
      sharedContext
    )
    return { id: created.id, number }
  }

  /** Marks an estimate converted by a sale, in one statement: an estimate makes one sale. */
  @InjectManager()
  async useEstimate(input: { id: string; sale_id: string }, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const used = (await sharedContext.manager!.execute("update pos_estimate set sale_id = ?, updated_at = now() where id = ? and sale_id is null and deleted_at is null returning id", [
      input.sale_id,
      input.id,
    ])) as { id: string }[]
    if (!used.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `estimate_id: this estimate was made into a sale already`)
    }
  }

  /** Gives an estimate back when the sale made from it failed after. */
  @InjectManager()
  async releaseEstimate(input: { id: string; sale_id: string }, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.manager!.execute("update pos_estimate set sale_id = null, updated_at = now() where id = ? and sale_id = ?", [input.id, input.sale_id])
  }
  /** A role's discount limits: the owner's setting for it, else the default (src/lib/price-controls.ts). */
  @InjectManager()
  async priceLimitsOf(role: StaffRole, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<PriceLimits> {
    const [row] = (await sharedContext.manager!.execute(
      "select making_discount_bps, making_discount_paise, bill_discount_paise, rate_change from pos_price_limit where role = ? and deleted_at is null",
      [role]
    )) as { making_discount_bps: number | null; making_discount_paise: string | null; bill_discount_paise: string | null; rate_change: string | null }[]
    if (!row) {
      return DEFAULT_PRICE_LIMITS[role]
    }
    const optional = (v: string | number | null) => (v === null ? null : Number(v))
    return {
      making_discount_bps: optional(row.making_discount_bps),
      making_discount_paise: optional(row.making_discount_paise),
      bill_discount_paise: optional(row.bill_discount_paise),
      rate_change: (RATE_CHANGE_RIGHTS as readonly string[]).includes(row.rate_change ?? "") ? (row.rate_change as RateChangeRight) : DEFAULT_PRICE_LIMITS[role].rate_change,
    }
  }

  /**
   * Marks an approved request used by a sale, in one statement: only an approval of the same bill, approved
   * and not used, so one approval lets exactly one sale through.
   */
  @InjectManager()
  async useApproval(input: { id: string; fingerprint: string; sale_id: string }, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ decided_by: string; reason: string }> {
    const db = sharedContext.manager!
    const [used] = (await db.execute(
      `update pos_approval set status = 'used', sale_id = ?, updated_at = now()
        where id = ? and fingerprint = ? and status = 'approved' and deleted_at is null
        returning decided_by, reason`,
      [input.sale_id, input.id, input.fingerprint]
    )) as { decided_by: string; reason: string }[]
    if (used) {
      return used
    }
    const [found] = (await db.execute("select status, fingerprint from pos_approval where id = ? and deleted_at is null", [input.id])) as { status: string; fingerprint: string }[]
    const why = !found
      ? "no such approval"
      : found.fingerprint !== input.fingerprint
        ? "it was given for another bill (other pieces, customer, branch or discounts)"
        : found.status === "used"
          ? "it was used by another sale"
          : `it is ${found.status}`
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `approval_id: approval "${input.id}" cannot be used: ${why}`)
  }

  /**
   * Decides a pending request, in one statement, so two managers deciding at once decide it once; a request
   * decided already is refused with what became of it.
   */
  @InjectManager()
  async decideApproval(
    input: { id: string; status: "approved" | "rejected"; user_id: string; note: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; status: string }> {
    const db = sharedContext.manager!
    const [decided] = (await db.execute(
      `update pos_approval set status = ?, decided_by = ?, decided_at = now(), decision_note = ?, updated_at = now()
        where id = ? and status = 'pending' and deleted_at is null returning id, status`,
      [input.status, input.user_id, input.note, input.id]
    )) as { id: string; status: string }[]
    if (!decided) {
      const [found] = (await db.execute("select status from pos_approval where id = ? and deleted_at is null", [input.id])) as { status: string }[]
      throw new MedusaError(found ? MedusaError.Types.NOT_ALLOWED : MedusaError.Types.NOT_FOUND, found ? `This request was ${found.status} already` : `Approval "${input.id}" was not found`)
    }
    return decided
  }

  /** Puts a decision back to pending (a decision whose workflow failed after it). */
  @InjectManager()
  async reopenApproval(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.manager!.execute(
      "update pos_approval set status = 'pending', decided_by = null, decided_at = null, decision_note = null, updated_at = now() where id = ? and status in ('approved', 'rejected')",
      [id]
    )
  }

  /** Gives an approval back to its bill when the sale that used it failed after. */
  @InjectManager()
  async releaseApproval(input: { id: string; sale_id: string }, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.manager!.execute("update pos_approval set status = 'approved', sale_id = null, updated_at = now() where id = ? and sale_id = ? and status = 'used'", [
      input.id,
      input.sale_id,
    ])
  }

  /**
   * Waits while a backup is taking its snapshot (src/lib/backup/sales-gate.ts);
   * at once otherwise. Called by a sale before its first write. It asks and
   * sleeps rather than queueing on the lock: a sale waiting there must not
   * hold a pooled connection the sales under way need to finish.
   */
  @InjectManager()
  async waitForBackupGate(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    for (;;) {
      const [row] = (await sharedContext.manager!.execute("select pg_try_advisory_xact_lock_shared(?) as open", [SALES_GATE_LOCK])) as { open: boolean }[]
      if (row.open) {
        return
      }
      await new Promise((resolve) => setTimeout(resolve, GATE_POLL_MS))
    }
  }

  /**
   * Keeps a webhook delivery once per provider and event id, in one
   * statement, so deliveries racing each other keep exactly one; answers
   * whether this one was a repeat.
   */
  @InjectManager()
  async recordWebhookEvent(input: WebhookEventInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ id: string; duplicate: boolean }> {
    return this.recordWebhookEvent_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordWebhookEvent_(input: WebhookEventInput, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const id = generateEntityId(undefined, "pwhe")
    const amount = input.amount_paise ?? null
    const inserted = (await sharedContext.transactionManager!.execute(
      `insert into payment_webhook_event
         (id, provider, event_id, event, provider_payment_id, provider_order_id, provider_refund_id, amount_paise, raw_amount_paise,
          currency_code, reason, occurred_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())
       on conflict (provider, event_id) where deleted_at is null do nothing
       returning id`,
      [
        id,
        input.provider,
        input.event_id,
        input.event,
        input.provider_payment_id ?? null,
        input.provider_order_id ?? null,
        input.provider_refund_id ?? null,
        amount,
        amount === null ? null : JSON.stringify({ value: String(amount), precision: 20 }),
        input.currency_code ?? null,
        input.reason ?? null,
        input.occurred_at,
      ]
    )) as { id: string }[]
    if (inserted.length) {
      return { id: inserted[0].id, duplicate: false }
    }
    const [existing] = (await sharedContext.transactionManager!.execute(
      `select id from payment_webhook_event where provider = ? and event_id = ? and deleted_at is null`,
      [input.provider, input.event_id]
    )) as { id: string }[]
    return { id: existing.id, duplicate: true }
  }

  /** Cash this customer paid at the counter since `since` (for the s.269ST day limit). */
  @InjectManager()
  async cashReceivedSince(customerId: string, since: Date, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    const [row] = (await sharedContext.manager!.execute(
      `select coalesce(sum(amount_paise), 0)::bigint as paise from pos_tender
        where customer_id = ? and kind = 'cash' and created_at >= ? and deleted_at is null`,
      [customerId, since]
    )) as { paise: string }[]
    return Number(row.paise)
  }
}

export default PosModuleService
