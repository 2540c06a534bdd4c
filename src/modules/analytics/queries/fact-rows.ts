import type { SalesFact } from "../../../lib/sales-facts"

/** A sales fact as stored: the row with its id. */
export type StoredFact = SalesFact & { id: string }

/** A sales_fact row as the driver gives it (big numbers as text, dates as dates or text) as a fact. */
export function factFromRow(r: Record<string, unknown>): StoredFact {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return {
    id: String(r.id),
    order_id: String(r.order_id),
    item_id: String(r.item_id),
    source_id: String(r.source_id),
    kind: r.kind as StoredFact["kind"],
    occurred_at: new Date(r.occurred_at as string),
    customer_id: (r.customer_id as string | null) ?? null,
    branch_id: (r.branch_id as string | null) ?? null,
    channel: r.channel as StoredFact["channel"],
    staff_user_id: (r.staff_user_id as string | null) ?? null,
    variant_id: (r.variant_id as string | null) ?? null,
    metal: (r.metal as string | null) ?? null,
    purity: num(r.purity),
    category: (r.category as string | null) ?? null,
    pieces: Number(r.pieces),
    bill: Number(r.bill) === 1 ? 1 : 0,
    gross_weight_mg: Number(r.gross_weight_mg),
    net_weight_mg: Number(r.net_weight_mg),
    revenue_paise: Number(r.revenue_paise),
    gst_paise: Number(r.gst_paise),
    discount_paise: Number(r.discount_paise),
    making_paise: num(r.making_paise),
  }
}
