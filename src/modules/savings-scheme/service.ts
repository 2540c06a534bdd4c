import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { pgArray } from "../../lib/pg-array"
import { periodConditions } from "../../lib/sql-rows"
import { takeNextInSeries } from "../../lib/series-counter"
import {
  fineBoughtMg,
  instalmentProblem,
  redeemableValuePaise,
  redemptionProblem,
  schemeSchedule,
  schemeStatement,
  type SchemeStatement,
  type SchemeTerms,
} from "../../lib/savings-schemes"
import { documentNumber, financialYear } from "../../lib/tax-documents"
import { SchemeCounter } from "./models/scheme-counter"
import { SchemeEnrolment } from "./models/scheme-enrolment"
import { SchemeInstalment } from "./models/scheme-instalment"
import { SchemePaymentLink } from "./models/scheme-payment-link"
import { SchemeTemplate } from "./models/scheme-template"

export type EnrolInput = {
  idempotency_key: string
  fingerprint: string
  template: { id: string; code: string; name: string }
  terms: SchemeTerms
  customer_id: string
  branch_id: string
  branch_code: string
  user_id: string | null
  enrolled_on: string
  identity: "not_needed" | "pan" | "form_60"
  pan_masked: string | null
  pan_encrypted: string | null
  note: string | null
}

export type EnrolmentRow = {
  id: string
  number: string
  template_id: string
  template_code: string
  template_name: string
  terms: SchemeTerms
  customer_id: string
  branch_id: string
  enrolled_on: string
  matures_on: string
  status: "active" | "redeemed"
  identity: string
  pan_masked: string | null
  redeemed_paise: number | null
  redeemed_fine_mg: number | null
  redeemed_sale_id: string | null
  redeemed_at: Date | null
  created_at: Date
}

/** How an instalment was paid: at the counter, or online through a Razorpay payment link. */
export type SchemeTender = "cash" | "card" | "upi" | "razorpay"

export type InstalmentRow = {
  id: string
  sequence: number
  due_on: string
  paid_on: string
  amount_paise: number
  tender: SchemeTender
  reference: string | null
  fine_mg: number | null
  rate_per_g_paise: number | null
  branch_id: string
}

export type PayInstalmentInput = {
  idempotency_key: string
  enrolment_id: string
  amount_paise: number
  tender: SchemeTender
  reference: string | null
  branch_id: string
  user_id: string | null
  paid_on: string
  /** The day's selling rate per gram for a weight scheme's purity (null for an amount scheme). */
  rate_per_g_paise: number | null
}

export type RedeemInput = {
  number: string
  customer_id: string
  amount_paise: number
  sale_id: string
  today: string
  /** Today's selling rate per gram of the scheme's purity, for a weight scheme. */
  rate_per_g_paise: number | null
}

/** An instalment taken, with what the customer's receipt message says of the card. */
export type InstalmentTaken = {
  instalment: InstalmentRow
  created: boolean
  card: { id: string; number: string; customer_id: string; template_name: string; instalments: number; matures_on: string }
  paid_count: number
}

export type Passbook = { enrolment: EnrolmentRow; instalments: InstalmentRow[]; statement: SchemeStatement; due_on: string[] }

const ENROLMENT_COLUMNS = `id, number, template_id, template_code, template_name, terms, customer_id, branch_id, enrolled_on, matures_on, status,
  identity, pan_masked, redeemed_paise, redeemed_fine_mg, redeemed_sale_id, redeemed_at, created_at`

const INSTALMENT_COLUMNS = "id, sequence, due_on, paid_on, amount_paise, tender, reference, fine_mg, rate_per_g_paise, branch_id"

function refuse(message: string, type: string = MedusaError.Types.INVALID_DATA): never {
  throw new MedusaError(type, message)
}

class SavingsSchemeModuleService extends MedusaService({ SchemeTemplate, SchemeEnrolment, SchemeInstalment, SchemeCounter, SchemePaymentLink }) {
  /**
   * Enrols a customer once per idempotency key, in one transaction: the key is locked first (a replay waits
   * and gets the first card; the same key for another enrolment is refused), then the card's number is taken
   * from the branch's series for the financial year under its row lock.
   */
  @InjectManager()
  async enrol(input: EnrolInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ enrolment: EnrolmentRow; created: boolean }> {
    return this.enrol_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async enrol_(input: EnrolInput, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const db = sharedContext.transactionManager!
    await db.execute("select pg_advisory_xact_lock(hashtext(?))", [`scheme-enrolment:${input.idempotency_key}`])
    const [existing] = (await db.execute(`select ${ENROLMENT_COLUMNS}, fingerprint from scheme_enrolment where idempotency_key = ? and deleted_at is null`, [
      input.idempotency_key,
    ])) as (Record<string, unknown> & { fingerprint: string })[]
    if (existing) {
      if (existing.fingerprint !== input.fingerprint) {
        refuse("This idempotency key was used for another enrolment; use a new key for a new enrolment", MedusaError.Types.CONFLICT)
      }
      return { enrolment: toEnrolmentRow(existing), created: false }
    }
    const { matures_on } = schemeSchedule(input.terms, input.enrolled_on)
    const fy = financialYear(new Date(`${input.enrolled_on}T12:00:00+05:30`))
    const series = `savings_scheme:${input.branch_code}:${fy}`
    const sequence = await takeNextInSeries(db, "scheme_counter", series)
    const number = documentNumber("savings_scheme", input.branch_code, fy, sequence)
    const [created] = await this.createSchemeEnrolments(
      [
        {
          idempotency_key: input.idempotency_key,
          fingerprint: input.fingerprint,
          number,
          series,
          sequence,
          template_id: input.template.id,
          template_code: input.template.code,
          template_name: input.template.name,
          terms: input.terms as unknown as Record<string, unknown>,
          customer_id: input.customer_id,
          branch_id: input.branch_id,
          branch_code: input.branch_code,
          user_id: input.user_id,
          enrolled_on: input.enrolled_on,
          matures_on,
          identity: input.identity,
          pan_masked: input.pan_masked,
          pan_encrypted: input.pan_encrypted,
          note: input.note,
        },
      ],
      sharedContext
    )
    return { enrolment: toEnrolmentRow(created as unknown as Record<string, unknown>), created: true }
  }

  /**
   * Takes one instalment once per idempotency key: the card's row is locked, so two counters taking "the
   * next instalment" at once take it once; refused when the card is redeemed, all instalments are paid, the
   * scheme has matured or the amount is not the scheme's (src/lib/savings-schemes.ts).
   */
  @InjectManager()
  async payInstalment(input: PayInstalmentInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<InstalmentTaken> {
    return this.payInstalment_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async payInstalment_(input: PayInstalmentInput, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const db = sharedContext.transactionManager!
    await db.execute("select pg_advisory_xact_lock(hashtext(?))", [`scheme-instalment:${input.idempotency_key}`])
    const [enrolment] = (await db.execute(`select ${ENROLMENT_COLUMNS} from scheme_enrolment where id = ? and deleted_at is null for update`, [input.enrolment_id])) as Record<
      string,
      unknown
    >[]
    if (!enrolment) {
      refuse(`Scheme card "${input.enrolment_id}" was not found`, MedusaError.Types.NOT_FOUND)
    }
    const [replayed] = (await db.execute(`select ${INSTALMENT_COLUMNS}, enrolment_id from scheme_instalment where idempotency_key = ? and deleted_at is null`, [
      input.idempotency_key,
    ])) as (Record<string, unknown> & { enrolment_id: string })[]
    if (replayed) {
      if (replayed.enrolment_id !== input.enrolment_id || Number(replayed.amount_paise) !== input.amount_paise || replayed.tender !== input.tender) {
        refuse("This idempotency key was used for another instalment; use a new key for a new instalment", MedusaError.Types.CONFLICT)
      }
      return { instalment: toInstalmentRow(replayed), created: false, card: cardSummary(toEnrolmentRow(enrolment)), paid_count: Number(replayed.sequence) }
    }
    const card = toEnrolmentRow(enrolment)
    if (card.status !== "active") {
      refuse(`Scheme ${card.number} was redeemed; it takes no more instalments`)
    }
    const [{ paid }] = (await db.execute("select count(*)::int as paid from scheme_instalment where enrolment_id = ? and deleted_at is null", [card.id])) as { paid: number }[]
    const problem = instalmentProblem(card.terms, card.enrolled_on, paid, input.amount_paise, input.paid_on)
    if (problem) {
      refuse(`amount: ${problem} (scheme ${card.number})`)
    }
    const fine = card.terms.kind === "weight" ? fineBoughtMg(input.amount_paise, input.rate_per_g_paise ?? 0) : null
    const { due_on } = schemeSchedule(card.terms, card.enrolled_on)
    const [created] = await this.createSchemeInstalments(
      [
        {
          enrolment_id: card.id,
          idempotency_key: input.idempotency_key,
          sequence: paid + 1,
          due_on: due_on[paid],
          paid_on: input.paid_on,
          amount_paise: input.amount_paise,
          tender: input.tender,
          reference: input.reference,
          fine_mg: fine,
          rate_per_g_paise: card.terms.kind === "weight" ? input.rate_per_g_paise : null,
          branch_id: input.branch_id,
          user_id: input.user_id,
        },
      ],
      sharedContext
    )
    return { instalment: toInstalmentRow(created as unknown as Record<string, unknown>), created: true, card: cardSummary(card), paid_count: paid + 1 }
  }

  /** A card with its instalments and its statement on `today`. */
  @InjectManager()
  async passbook(idOrNumber: string, today: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<Passbook | null> {
    const db = sharedContext.manager!
    const [found] = (await db.execute(`select ${ENROLMENT_COLUMNS} from scheme_enrolment where (id = ? or number = ?) and deleted_at is null`, [idOrNumber, idOrNumber])) as Record<
      string,
      unknown
    >[]
    if (!found) {
      return null
    }
    const enrolment = toEnrolmentRow(found)
    const rows = (await db.execute(`select ${INSTALMENT_COLUMNS} from scheme_instalment where enrolment_id = ? and deleted_at is null order by sequence`, [enrolment.id])) as Record<
      string,
      unknown
    >[]
    const instalments = rows.map(toInstalmentRow)
    return { enrolment, instalments, ...statementOf(enrolment, instalments, today) }
  }

  /**
   * Redeems a card against a counter sale, whole and once: the card's row is locked, so of many counters
   * redeeming it at once one does and the rest are refused. The tender must be exactly what the card is
   * worth today (a weight scheme's gold at today's rate), and the card must be the sale's customer's.
   */
  @InjectManager()
  async redeem(input: RedeemInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ enrolment_id: string; value_paise: number }> {
    return this.redeem_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async redeem_(input: RedeemInput, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const db = sharedContext.transactionManager!
    const [found] = (await db.execute(`select ${ENROLMENT_COLUMNS} from scheme_enrolment where number = ? and deleted_at is null for update`, [input.number])) as Record<
      string,
      unknown
    >[]
    if (!found) {
      refuse(`A scheme tender's reference is the scheme card's number (e.g. MUM/SC26-27/0001); "${input.number}" is not one`)
    }
    const card = toEnrolmentRow(found)
    if (card.customer_id !== input.customer_id) {
      refuse(`Scheme ${card.number} is another customer's`)
    }
    if (card.status === "redeemed") {
      refuse(`Scheme ${card.number} was redeemed already${card.redeemed_at ? ` on ${card.redeemed_at.toISOString().slice(0, 10)}` : ""}`)
    }
    const rows = (await db.execute(`select ${INSTALMENT_COLUMNS} from scheme_instalment where enrolment_id = ? and deleted_at is null order by sequence`, [card.id])) as Record<string, unknown>[]
    const { statement } = statementOf(card, rows.map(toInstalmentRow), input.today)
    const problem = redemptionProblem(card.terms, statement, card.matures_on)
    if (problem) {
      refuse(`Scheme ${card.number}: ${problem}`)
    }
    const value = redeemableValuePaise(card.terms, statement, input.rate_per_g_paise)
    if (value !== input.amount_paise) {
      refuse(`Scheme ${card.number} is worth ₹${value / 100} today and is redeemed whole: tender exactly that, not ₹${input.amount_paise / 100}`)
    }
    await db.execute(
      `update scheme_enrolment
          set status = 'redeemed', redeemed_paise = ?, raw_redeemed_paise = jsonb_build_object('value', ?::text, 'precision', 20),
              redeemed_fine_mg = ?, redeemed_sale_id = ?, redeemed_at = now(), updated_at = now()
        where id = ?`,
      [value, value, card.terms.kind === "weight" ? statement.redeemable_fine_mg : null, input.sale_id, card.id]
    )
    return { enrolment_id: card.id, value_paise: value }
  }

  /** Gives a card back to its customer when the sale that redeemed it failed after (only that sale's redemption). */
  @InjectManager()
  async releaseRedemption(input: { enrolment_id: string; sale_id: string }, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.manager!.execute(
      `update scheme_enrolment
          set status = 'active', redeemed_paise = null, raw_redeemed_paise = null, redeemed_fine_mg = null, redeemed_sale_id = null, redeemed_at = null, updated_at = now()
        where id = ? and redeemed_sale_id = ?`,
      [input.enrolment_id, input.sale_id]
    )
  }

  /** Every running card with its instalments and its statement on `today` (the reminders read them). */
  @InjectManager()
  async runningCards(today: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<(Passbook & { paid: InstalmentRow[] })[]> {
    const rows = await this.activeCardsWithInstalments(sharedContext.manager!, null)
    return rows.map(({ card, paid }) => ({ enrolment: card, instalments: paid, paid, ...statementOf(card, paid, today) }))
  }

  /**
   * The shop's scheme liability on `today`, per branch: running cards, what their customers have paid (an
   * advance the shop owes in goods), the fine gold weight schemes hold, and the bonus already earned by cards
   * that matured and are not yet redeemed.
   */
  @InjectManager()
  async liability(branchIds: string[] | null, today: string, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const rows = await this.activeCardsWithInstalments(sharedContext.manager!, branchIds)
    const byBranch = new Map<string, { branch_id: string; cards: number; matured: number; paid_paise: number; fine_mg: number; bonus_earned_paise: number; bonus_fine_mg: number }>()
    for (const { card, paid } of rows) {
      const { statement } = statementOf(card, paid, today)
      const entry = byBranch.get(card.branch_id) ?? { branch_id: card.branch_id, cards: 0, matured: 0, paid_paise: 0, fine_mg: 0, bonus_earned_paise: 0, bonus_fine_mg: 0 }
      entry.cards += 1
      entry.matured += statement.matured ? 1 : 0
      entry.paid_paise += statement.paid_paise
      entry.fine_mg += statement.fine_mg
      entry.bonus_earned_paise += statement.bonus_paise
      entry.bonus_fine_mg += statement.bonus_fine_mg
      byBranch.set(card.branch_id, entry)
    }
    return [...byBranch.values()].sort((a, b) => a.branch_id.localeCompare(b.branch_id))
  }

  /**
   * The cards redeemed in [from, to) at these branches (all when not given), a page in time order after
   * `after` (keyset): what each redeemed for and what its instalments paid — the difference is the bonus the
   * shop added.
   */
  @InjectManager()
  async listRedemptionsBetween(
    { from, to, branch_ids, after, limit }: { from: Date; to: Date; branch_ids?: string[]; after?: { redeemed_at: Date; id: string } | null; limit?: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; number: string; branch_code: string; redeemed_at: Date; redeemed_paise: number; paid_paise: number }[]> {
    const { where, values } = periodConditions({
      alias: "e",
      at: "redeemed_at",
      from,
      to,
      branch_ids,
      after: after && { at: after.redeemed_at, id: after.id },
      also: ["e.status = 'redeemed'"],
    })
    const rows = (await sharedContext.manager!.execute(
      `select e.id, e.number, e.branch_code, e.redeemed_at, e.redeemed_paise::bigint::text as redeemed_paise,
              coalesce((select sum(i.amount_paise) from scheme_instalment i where i.enrolment_id = e.id and i.deleted_at is null), 0)::bigint::text as paid_paise
         from scheme_enrolment e where ${where.join(" and ")} order by e.redeemed_at, e.id ${limit ? "limit ?" : ""}`,
      [...values, ...(limit ? [limit] : [])]
    )) as { id: string; number: string; branch_code: string; redeemed_at: Date; redeemed_paise: string; paid_paise: string }[]
    return rows.map((r) => ({ ...r, redeemed_at: new Date(r.redeemed_at), redeemed_paise: Number(r.redeemed_paise), paid_paise: Number(r.paid_paise) }))
  }

  /** The branches (by the card's code) with instalments paid on the India days [from_day, to_day], and how many each. */
  @InjectManager()
  async countInstalmentsPaidBetween(
    { from_day, to_day, branch_ids }: { from_day: string; to_day: string; branch_ids?: string[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ branch_code: string; instalments: number }[]> {
    const { where, values } = instalmentConditions({ from_day, to_day, branch_ids })
    const rows = (await sharedContext.manager!.execute(
      `select e.branch_code, count(*)::int as instalments from scheme_instalment i join scheme_enrolment e on e.id = i.enrolment_id
        where ${where.join(" and ")} group by e.branch_code order by e.branch_code`,
      values
    )) as { branch_code: string; instalments: number }[]
    return rows.map((r) => ({ branch_code: r.branch_code, instalments: Number(r.instalments) }))
  }

  /**
   * The instalments paid on the India days [from_day, to_day] on cards of these branches (all when not
   * given), a page in payment order after `after` (keyset), with the card's number and branch code: what an
   * accounting export posts as receipts.
   */
  @InjectManager()
  async listInstalmentsPaidBetween(
    { from_day, to_day, branch_ids, after, limit }: { from_day: string; to_day: string; branch_ids?: string[]; after?: { paid_on: string; id: string } | null; limit: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; card_number: string; sequence: number; paid_on: string; amount_paise: number; tender: string; branch_code: string }[]> {
    const { where, values } = instalmentConditions({ from_day, to_day, branch_ids, after })
    const rows = (await sharedContext.manager!.execute(
      `select i.id, e.number as card_number, i.sequence, i.paid_on, i.amount_paise::bigint::text as amount_paise, i.tender, e.branch_code
         from scheme_instalment i join scheme_enrolment e on e.id = i.enrolment_id
        where ${where.join(" and ")} order by i.paid_on, i.id limit ?`,
      [...values, limit]
    )) as { id: string; card_number: string; sequence: number; paid_on: string; amount_paise: string; tender: string; branch_code: string }[]
    return rows.map((r) => ({ ...r, sequence: Number(r.sequence), amount_paise: Number(r.amount_paise) }))
  }

  /** Running cards (of `branchIds` when given) with their instalments, in one statement. */
  private async activeCardsWithInstalments(db: EntityManager, branchIds: string[] | null): Promise<{ card: EnrolmentRow; paid: InstalmentRow[] }[]> {
    const rows = (await db.execute(
      `select ${ENROLMENT_COLUMNS.split(",").map((c) => `e.${c.trim()}`).join(", ")},
              coalesce((select json_agg(json_build_object('id', i.id, 'sequence', i.sequence, 'due_on', i.due_on, 'paid_on', i.paid_on,
                          'amount_paise', i.amount_paise, 'tender', i.tender, 'fine_mg', i.fine_mg, 'branch_id', i.branch_id) order by i.sequence)
                  from scheme_instalment i where i.enrolment_id = e.id and i.deleted_at is null), '[]') as paid
         from scheme_enrolment e
        where e.status = 'active' and e.deleted_at is null ${branchIds ? "and e.branch_id = any(?::text[])" : ""}`,
      branchIds ? [pgArray(branchIds)] : []
    )) as (Record<string, unknown> & { paid: Record<string, unknown>[] })[]
    return rows.map((row) => ({ card: toEnrolmentRow(row), paid: row.paid.map(toInstalmentRow) }))
  }
}

/** Instalments paid on the India days [from_day, to_day] on live cards of the branches given, after `after` (keyset). */
function instalmentConditions({ from_day, to_day, branch_ids, after }: { from_day: string; to_day: string; branch_ids?: string[]; after?: { paid_on: string; id: string } | null }) {
  return periodConditions({
    alias: "i",
    at: "paid_on",
    from: from_day,
    to: to_day,
    to_inclusive: true,
    branch_ids,
    branch_alias: "e",
    after: after && { at: after.paid_on, id: after.id },
    also: ["e.deleted_at is null"],
  })
}

function cardSummary(card: EnrolmentRow): InstalmentTaken["card"] {
  return { id: card.id, number: card.number, customer_id: card.customer_id, template_name: card.template_name, instalments: card.terms.instalments, matures_on: card.matures_on }
}

function statementOf(card: EnrolmentRow, instalments: InstalmentRow[], today: string): { statement: SchemeStatement; due_on: string[] } {
  const { due_on } = schemeSchedule(card.terms, card.enrolled_on)
  const statement = schemeStatement(
    card.terms,
    card.enrolled_on,
    instalments.map((i) => ({ due_on: i.due_on, paid_on: i.paid_on, amount_paise: i.amount_paise, fine_mg: i.fine_mg ?? 0 })),
    today
  )
  return { statement, due_on }
}

function toEnrolmentRow(found: Record<string, unknown>): EnrolmentRow {
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | Date))
  return {
    id: String(found.id),
    number: String(found.number),
    template_id: String(found.template_id),
    template_code: String(found.template_code),
    template_name: String(found.template_name),
    terms: (typeof found.terms === "string" ? JSON.parse(found.terms) : found.terms) as SchemeTerms,
    customer_id: String(found.customer_id),
    branch_id: String(found.branch_id),
    enrolled_on: String(found.enrolled_on),
    matures_on: String(found.matures_on),
    status: found.status as EnrolmentRow["status"],
    identity: String(found.identity),
    pan_masked: (found.pan_masked as string | null) ?? null,
    redeemed_paise: found.redeemed_paise === null || found.redeemed_paise === undefined ? null : Number(found.redeemed_paise),
    redeemed_fine_mg: found.redeemed_fine_mg === null || found.redeemed_fine_mg === undefined ? null : Number(found.redeemed_fine_mg),
    redeemed_sale_id: (found.redeemed_sale_id as string | null) ?? null,
    redeemed_at: date(found.redeemed_at),
    created_at: date(found.created_at) ?? new Date(0),
  }
}

function toInstalmentRow(found: Record<string, unknown>): InstalmentRow {
  const optional = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return {
    id: String(found.id),
    sequence: Number(found.sequence),
    due_on: String(found.due_on),
    paid_on: String(found.paid_on),
    amount_paise: Number(found.amount_paise),
    tender: found.tender as InstalmentRow["tender"],
    reference: (found.reference as string | null) ?? null,
    fine_mg: optional(found.fine_mg),
    rate_per_g_paise: optional(found.rate_per_g_paise),
    branch_id: String(found.branch_id ?? ""),
  }
}

export default SavingsSchemeModuleService
