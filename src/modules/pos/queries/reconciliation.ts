import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BRANCH_CHANNEL_LINK_TABLE as BRANCH_SALES_CHANNEL_TABLE } from "../../../lib/link-tables"
import { paiseToAmount } from "../../../lib/money"
import { istDayRange, istToday, TENDER_LABELS } from "../../../lib/pos"
import { reconcile, tenderOf, type ReconciliationKind, type Sum } from "../../../lib/reconciliation"

export { BRANCH_SALES_CHANNEL_TABLE }

type Row = {
  kind: ReconciliationKind
  entry_id: string
  at: Date
  paise: string
  payment_id: string | null
  provider_id: string
  mode: string | null
  order_id: string | null
  display_id: number | null
  branch_id: string | null
  reference: string | null
}

/** Where a payment collection's money belongs: its order's sales channel, else its cart's, and that channel's branch. */
const PLACE = (collection: string) => `
  left join order_payment_collection opc on opc.payment_collection_id = ${collection} and opc.deleted_at is null
  left join "order" o on o.id = opc.order_id and o.deleted_at is null
  left join cart_payment_collection cpc on cpc.payment_collection_id = ${collection} and cpc.deleted_at is null
  left join cart ca on ca.id = cpc.cart_id
  left join ${BRANCH_SALES_CHANNEL_TABLE} bsc on bsc.sales_channel_id = coalesce(o.sales_channel_id, ca.sales_channel_id) and bsc.deleted_at is null`

const ENTRIES_SQL = `
  select 'captured' as kind, c.id as entry_id, c.created_at as at, round(c.amount * 100)::bigint::text as paise, p.id as payment_id,
         p.provider_id, p.data->>'mode' as mode, o.id as order_id, o.display_id, bsc.branch_id, p.data->>'reference' as reference
    from capture c
    join payment p on p.id = c.payment_id and p.deleted_at is null ${PLACE("p.payment_collection_id")}
   where c.deleted_at is null and c.created_at >= :from and c.created_at < :to
  union all
  select 'refunded', r.id, r.created_at, round(r.amount * 100)::bigint::text, p.id,
         p.provider_id, p.data->>'mode', o.id, o.display_id, bsc.branch_id, r.note
    from refund r
    join payment p on p.id = r.payment_id and p.deleted_at is null ${PLACE("p.payment_collection_id")}
   where r.deleted_at is null and r.created_at >= :from and r.created_at < :to
  union all
  select 'failed', e.id, e.occurred_at, coalesce(round(e.amount_paise), 0)::bigint::text, null,
         'pp_' || e.provider || '_' || e.provider, ps.data->>'mode', o.id, o.display_id, bsc.branch_id, e.reason
    from (select distinct on (provider, coalesce(provider_payment_id, id)) * from payment_webhook_event
           where deleted_at is null and event in ('payment.failed', 'PAYMENT.CAPTURE.DENIED', 'PAYMENT.CAPTURE.DECLINED')
             and occurred_at >= :from and occurred_at < :to
           order by provider, coalesce(provider_payment_id, id), occurred_at) e
    left join payment_session ps on ps.id = e.payment_session_id ${PLACE("ps.payment_collection_id")}
  union all
  select case jp.kind when 'refund' then 'refunded' else 'captured' end, jp.id, jp.paid_at, round(jp.amount_paise)::bigint::text, null,
         'pp_instore_' || jp.tender, null, null, null, jp.branch_id, coalesce(jp.number, jp.reference)
    from job_card_payment jp
   where jp.deleted_at is null and jp.paid_at >= :from and jp.paid_at < :to`

const money = (s: Sum) => ({ count: s.count, amount: paiseToAmount(s.paise), amount_paise: s.paise })

/**
 * GET /admin/payments/reconciliation: a day's captured, refunded and failed
 * payments (India time) per branch and tender with totals, and the entries
 * themselves (paginated), read in one SQL statement over Medusa's payment
 * tables, the shop's webhook records and the workshop's job payments
 * (advances, balances and refunds, taken at the counter outside any order). `branchScope`: the branches of a
 * branch-scoped user, whose view holds only theirs.
 */
export async function reconciliationView(container: MedusaContainer, q: { date?: string; branch_id?: string; kind?: ReconciliationKind; limit: number; offset: number }, branchScope: string[] | null = null) {
  const day = q.date ?? istToday()
  const { from, to } = istDayRange(day)
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const rows = ((await knex.raw(`select * from (${ENTRIES_SQL}) entries order by at, entry_id`, { from, to })) as { rows: Row[] }).rows.filter(
    (r) => (!q.branch_id || r.branch_id === q.branch_id) && (!branchScope || (!!r.branch_id && branchScope.includes(r.branch_id)))
  )
  const { branches, totals } = reconcile(rows.map((r) => ({ kind: r.kind, paise: Number(r.paise), provider_id: r.provider_id, mode: r.mode, branch_id: r.branch_id })))
  const { data: known } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "branch", fields: ["id", "code", "name"] })
  const branchOf = (id: string | null) => (known as { id: string; code: string; name: string }[]).find((b) => b.id === id) ?? null
  const listed = rows.filter((r) => !q.kind || r.kind === q.kind)
  return {
    date: day,
    timezone: "Asia/Kolkata",
    from,
    to,
    branches: branches.map((b) => ({
      branch: branchOf(b.branch_id) ?? { id: null, code: null, name: "No branch (online without a branch channel)" },
      tenders: b.tenders.map((t) => ({ tender: t.tender, label: t.label, captured: money(t.captured), refunded: money(t.refunded), failed: money(t.failed), net: { amount: paiseToAmount(t.net_paise), amount_paise: t.net_paise } })),
      totals: { captured: money(b.totals.captured), refunded: money(b.totals.refunded), failed: money(b.totals.failed), net: { amount: paiseToAmount(b.totals.net_paise), amount_paise: b.totals.net_paise } },
    })),
    totals: { captured: money(totals.captured), refunded: money(totals.refunded), failed: money(totals.failed), net: { amount: paiseToAmount(totals.net_paise), amount_paise: totals.net_paise } },
    entries: listed.slice(q.offset, q.offset + q.limit).map((r) => {
      const tender = tenderOf(r)
      return {
        kind: r.kind,
        id: r.entry_id,
        at: r.at,
        tender,
        tender_label: TENDER_LABELS[tender] ?? tender,
        branch_code: branchOf(r.branch_id)?.code ?? null,
        amount: paiseToAmount(Number(r.paise)),
        amount_paise: Number(r.paise),
        order_id: r.order_id,
        display_id: r.display_id,
        payment_id: r.payment_id,
        reference: r.reference,
      }
    }),
    count: listed.length,
    limit: q.limit,
    offset: q.offset,
  }
}
