import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { paiseToAmount } from "../../../lib/money"
import { TENDER_LABELS } from "../../../lib/pos"

export type PosSaleRow = {
  id: string
  idempotency_key: string
  status: string
  branch_id: string
  customer_id: string
  user_id: string | null
  order_id: string | null
  total_paise: number
  points: number
  points_paise: number
  cash_tendered_paise: number
  cash_kept_paise: number
  change_paise: number
  pending_paise: number
  note: string | null
  identity?: string
  pan_masked?: string | null
  created_at: Date | string
  completed_at: Date | string | null
  tenders?: { id: string; kind: string; amount_paise: number; tendered_paise: number; reference: string | null; status: string; payment_id: string | null; payment_session_id: string | null }[]
}

const SALE_FIELDS = ["*", "tenders.*"]

export type SaleOrder = { id: string; display_id: number }
export type SaleBranch = { id: string; code: string; name: string }
export type SaleLink = { sale_id: string | null; short_url: string; amount_paise: number; status: string; razorpay_payment_link_id: string }

/** A counter sale as the API shows it — rupees, the order's number, each tender, the payment link — from the sale and what it relates to. */
export function saleView(s: PosSaleRow, related: { order: SaleOrder | null; branch: SaleBranch | null; link: SaleLink | null }) {
  const { order, branch, link } = related
  return {
    id: s.id,
    idempotency_key: s.idempotency_key,
    branch: branch ?? { id: s.branch_id },
    customer_id: s.customer_id,
    user_id: s.user_id,
    order: order ?? (s.order_id ? { id: s.order_id } : null),
    total: paiseToAmount(Number(s.total_paise)),
    points: s.points,
    points_value: paiseToAmount(Number(s.points_paise)),
    cash_tendered: paiseToAmount(Number(s.cash_tendered_paise)),
    cash_kept: paiseToAmount(Number(s.cash_kept_paise)),
    change_due: paiseToAmount(Number(s.change_paise)),
    to_be_paid_by_link: paiseToAmount(Number(s.pending_paise)),
    tenders: (s.tenders ?? []).map((t) => ({
      kind: t.kind,
      label: TENDER_LABELS[t.kind] ?? t.kind,
      amount: paiseToAmount(Number(t.amount_paise)),
      tendered: paiseToAmount(Number(t.tendered_paise)),
      reference: t.reference,
      status: t.status,
      payment_id: t.payment_id,
    })),
    payment_link: link ? { id: link.razorpay_payment_link_id, short_url: link.short_url, amount: paiseToAmount(Number(link.amount_paise)), status: link.status } : null,
    identity: s.identity ?? "not_needed",
    pan_masked: s.pan_masked ?? null,
    note: s.note,
    created_at: s.created_at,
  }
}

/** Counter sales as the API shows them: rupees, the order's number, each tender, the payment link. */
export async function posSalesView(container: MedusaContainer, filters: Record<string, unknown>, page?: { limit: number; offset: number }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "pos_sale",
    fields: SALE_FIELDS,
    filters: { ...filters, status: "completed" },
    pagination: page ? { skip: page.offset, take: page.limit, order: { created_at: "DESC" } } : undefined,
  })
  const sales = data as unknown as PosSaleRow[]
  const orderIds = sales.map((s) => s.order_id).filter((id): id is string => !!id)
  const branchIds = [...new Set(sales.map((s) => s.branch_id))]
  const [{ data: orders }, { data: branches }, { data: links }] = await Promise.all([
    orderIds.length ? query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } }) : { data: [] },
    branchIds.length ? query.graph({ entity: "branch", fields: ["id", "code", "name"], filters: { id: branchIds } }) : { data: [] },
    orderIds.length ? query.graph({ entity: "payment_link", fields: ["id", "sale_id", "short_url", "amount_paise", "status", "razorpay_payment_link_id"], filters: { sale_id: sales.map((s) => s.id) } }) : { data: [] },
  ])
  const view = sales.map((s) =>
    saleView(s, {
      order: (orders as SaleOrder[]).find((o) => o.id === s.order_id) ?? null,
      branch: (branches as SaleBranch[]).find((b) => b.id === s.branch_id) ?? null,
      link: (links as SaleLink[]).find((l) => l.sale_id === s.id) ?? null,
    })
  )
  return { sales: view, count: metadata?.count ?? view.length }
}

export async function posSaleView(container: MedusaContainer, id: string) {
  const { sales } = await posSalesView(container, { id })
  if (!sales[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No counter sale with id "${id}"`)
  }
  return sales[0]
}
