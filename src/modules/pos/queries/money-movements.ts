import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BRANCH_CHANNEL_LINK_TABLE } from "../../../lib/link-tables"
import { pgArray } from "../../../lib/pg-array"
import { pageKeySql } from "../../../lib/sql-rows"
import type { TallyMoneyMovement } from "../../../lib/tally"

type MovementFilters = { from: Date; to: Date; branch_ids?: string[] }

/**
 * The money that moved on the branches' bills in [from, to): each capture
 * (taken) and refund (paid back) with its tender (provider), its bill's
 * branch and the buyer its invoice names (the party its sales voucher
 * debits); and the workshop's job payments (advances and balances taken,
 * advances handed back), numbered by their vouchers where they have one. Money of no branch's bill (an order without a branch's sales
 * channel) has no branch ledgers and is left out.
 */
function movementsSql({ from, to, branch_ids }: MovementFilters): { sql: string; bindings: (string | Date)[] } {
  const branchFilter = branch_ids ? "and bsc.branch_id = any(?::text[])" : ""
  const place = `join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null
      join "order" o on o.id = opc.order_id and o.deleted_at is null
      join ${BRANCH_CHANNEL_LINK_TABLE} bsc on bsc.sales_channel_id = o.sales_channel_id and bsc.deleted_at is null ${branchFilter}
      join branch b on b.id = bsc.branch_id
      left join lateral (select d.body->'buyer'->>'name' as name, d.body->'buyer'->>'gstin' as gstin from tax_document d
                          where d.order_id = o.id and d.type = 'invoice' and d.exchange_id is null and d.deleted_at is null limit 1) buyer on true`
  const branchBinding = branch_ids ? [pgArray(branch_ids)] : []
  const sql = `
    select 'receipt' as kind, c.id, c.created_at as at, b.code as branch_code, p.provider_id, round(c.amount * 100)::bigint as amount_paise,
           buyer.name as buyer_name, buyer.gstin as buyer_gstin, o.display_id, null as job_number
      from capture c join payment p on p.id = c.payment_id and p.deleted_at is null ${place}
     where c.deleted_at is null and c.created_at >= ? and c.created_at < ?
    union all
    select 'refund', r.id, r.created_at, b.code, p.provider_id, round(r.amount * 100)::bigint, buyer.name, buyer.gstin, o.display_id, null
      from refund r join payment p on p.id = r.payment_id and p.deleted_at is null ${place}
     where r.deleted_at is null and r.created_at >= ? and r.created_at < ?
    union all
    select case jp.kind when 'refund' then 'refund' else 'receipt' end, coalesce(jp.number, jp.id), jp.paid_at, b.code, 'pp_instore_' || jp.tender,
           round(jp.amount_paise)::bigint, buyer.name, buyer.gstin, null, j.number
      from job_card_payment jp
      join job_card j on j.id = jp.job_card_id
      join branch b on b.id = jp.branch_id ${branch_ids ? "and jp.branch_id = any(?::text[])" : ""}
      left join lateral (select d.body->'buyer'->>'name' as name, d.body->'buyer'->>'gstin' as gstin from tax_document d
                          where d.id = j.invoice_id and d.deleted_at is null) buyer on true
     where jp.deleted_at is null and jp.paid_at >= ? and jp.paid_at < ?`
  return { sql, bindings: [...branchBinding, from, to, ...branchBinding, from, to, ...branchBinding, from, to] }
}

type MovementRow = {
  kind: "receipt" | "refund"
  id: string
  at: Date
  branch_code: string
  provider_id: string
  amount_paise: string
  buyer_name: string | null
  buyer_gstin: string | null
  display_id: number | null
  job_number: string | null
}

/**
 * A page of the period's money movements in time order, after `after` (keyset; each row's `page_key` is what to
 * pass back, sql-rows.ts pageKeySql).
 */
export async function listMoneyMovements(
  db: Knex,
  filters: MovementFilters & { after?: { at: Date | string; id: string } | null; limit: number }
): Promise<(TallyMoneyMovement & { page_key: string })[]> {
  const { sql, bindings } = movementsSql(filters)
  const after = filters.after ? "where (at, id) > (?::timestamptz, ?)" : ""
  const { rows } = (await db.raw(`select m.*, ${pageKeySql("m.at")} as page_key from (${sql}) m ${after} order by at, id limit ?`, [
    ...bindings,
    ...(filters.after ? [filters.after.at, filters.after.id] : []),
    filters.limit,
  ])) as { rows: (MovementRow & { page_key: string })[] }
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    at: new Date(r.at),
    branch_code: r.branch_code,
    provider_id: r.provider_id,
    amount_paise: Number(r.amount_paise),
    party: { branch_code: r.branch_code, buyer: { name: r.buyer_name ?? "", gstin: r.buyer_gstin } },
    order_display_id: r.display_id,
    job_number: r.job_number,
    page_key: r.page_key,
  }))
}

/** The branches, tenders and buyers the period's money movements post to, and how many movements there are. */
export async function listMoneyParties(
  db: Knex,
  filters: MovementFilters
): Promise<{ branch_code: string; provider_id: string; name: string | null; gstin: string | null; movements: number }[]> {
  const { sql, bindings } = movementsSql(filters)
  const { rows } = (await db.raw(
    `select branch_code, provider_id, buyer_name as name, buyer_gstin as gstin, count(*)::int as movements from (${sql}) m group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    bindings
  )) as { rows: { branch_code: string; provider_id: string; name: string | null; gstin: string | null; movements: number }[] }
  return rows
}
