/**
 * Sales facts: what each order line sold and each return took back, as the
 * sales reports add them up (docs/reports.md). One row per line sold, dated
 * when the line was added to the order (the order's placing, or an exchange),
 * and one per return of it, dated when the return was received, with the
 * pieces, weights and money negative. A cancelled order sold nothing.
 *
 * Money is paise. A line's value is Medusa's: unit price × quantity less
 * its adjustments; GST is its tax lines' rates on that — added on top for a
 * price before tax, taken out of it for a price that includes tax — rounded
 * half up to the paisa, per line. A return takes the same share of each
 * figure as of the pieces (its last paisa by difference, so a line returned
 * whole nets to zero).
 */
import { mulDivHalfUp } from "./money"

export type SalesChannelKind = "counter" | "online" | "payment_link"

export type FactItem = {
  item_id: string
  /** When the line joined the order. */
  added_at: Date
  variant_id: string | null
  quantity: number
  /** Medusa's unit price and adjustments, in paise. */
  unit_price_paise: number
  adjustments_paise: number
  is_tax_inclusive: boolean
  /** Sum of the line's tax rates, basis points (3 % GST = 300). */
  tax_rate_bp: number
  /** The line's making charge as priced, when recorded. */
  making_charge_paise: number | null
  metal: string | null
  purity: number | null
  category: string | null
  /** One piece's weights. */
  gross_weight_mg: number
  net_weight_mg: number
}

export type FactReturn = { return_id: string; received_at: Date; items: { item_id: string; quantity: number }[] }

export type FactOrder = {
  order_id: string
  canceled: boolean
  customer_id: string | null
  branch_id: string | null
  channel: SalesChannelKind
  staff_user_id: string | null
  items: FactItem[]
  returns: FactReturn[]
}

export type SalesFact = {
  order_id: string
  item_id: string
  /** The line itself for a sale, the return for a return. */
  source_id: string
  kind: "sale" | "return"
  occurred_at: Date
  customer_id: string | null
  branch_id: string | null
  channel: SalesChannelKind
  staff_user_id: string | null
  variant_id: string | null
  metal: string | null
  purity: number | null
  category: string | null
  pieces: number
  gross_weight_mg: number
  net_weight_mg: number
  /** Taxable value after discounts. */
  revenue_paise: number
  gst_paise: number
  discount_paise: number
  making_paise: number | null
  /** 1 on the order's first line sold (the bill), 0 on every other row. */
  bill: 0 | 1
}

type Money = { revenue_paise: number; gst_paise: number; discount_paise: number }

/** A line's taxable value, GST and discount, in paise. */
export function lineMoney(item: Pick<FactItem, "quantity" | "unit_price_paise" | "adjustments_paise" | "is_tax_inclusive" | "tax_rate_bp">): Money {
  const charged = Math.max(item.unit_price_paise * item.quantity - item.adjustments_paise, 0)
  if (item.is_tax_inclusive) {
    const revenue = mulDivHalfUp(charged, 10_000, 10_000 + item.tax_rate_bp)
    return { revenue_paise: revenue, gst_paise: charged - revenue, discount_paise: item.adjustments_paise }
  }
  return { revenue_paise: charged, gst_paise: mulDivHalfUp(charged, item.tax_rate_bp, 10_000), discount_paise: item.adjustments_paise }
}

/** `part` of `quantity` of a whole, half up; the share of a line a return takes. */
const share = (whole: number, part: number, quantity: number) => (whole < 0 ? -mulDivHalfUp(-whole, part, quantity) : mulDivHalfUp(whole, part, quantity))

/** The facts of one order: its lines sold and its returns received. */
export function salesFactsOf(order: FactOrder): SalesFact[] {
  if (order.canceled) {
    return []
  }
  const common = {
    order_id: order.order_id,
    customer_id: order.customer_id,
    branch_id: order.branch_id,
    channel: order.channel,
    staff_user_id: order.staff_user_id,
  }
  const facts: SalesFact[] = []
  const byItem = new Map(order.items.map((i) => [i.item_id, i]))
  for (const item of order.items) {
    if (item.quantity <= 0) {
      continue
    }
    facts.push({
      ...common,
      item_id: item.item_id,
      source_id: item.item_id,
      kind: "sale",
      occurred_at: item.added_at,
      variant_id: item.variant_id,
      metal: item.metal,
      purity: item.purity,
      category: item.category,
      pieces: item.quantity,
      gross_weight_mg: item.gross_weight_mg * item.quantity,
      net_weight_mg: item.net_weight_mg * item.quantity,
      ...lineMoney(item),
      making_paise: item.making_charge_paise,
      bill: 0,
    })
  }
  // The bill is counted once, on the first line sold when the order was placed.
  const first = facts.reduce<SalesFact | undefined>((a, f) => (!a || f.occurred_at.getTime() < a.occurred_at.getTime() ? f : a), undefined)
  if (first) {
    first.bill = 1
  }
  // Returns in the order they were received: the one that completes a line takes what is left of it.
  const left = new Map(facts.map((f) => [f.item_id, { ...f }]))
  for (const ret of [...order.returns].sort((a, b) => a.received_at.getTime() - b.received_at.getTime())) {
    for (const r of ret.items) {
      const item = byItem.get(r.item_id)
      const rest = left.get(r.item_id)
      if (!item || !rest || r.quantity <= 0) {
        continue
      }
      const pieces = Math.min(r.quantity, rest.pieces)
      if (pieces <= 0) {
        continue
      }
      const whole = pieces === rest.pieces
      const part = (key: "gross_weight_mg" | "net_weight_mg" | "revenue_paise" | "gst_paise" | "discount_paise") => (whole ? rest[key] : share(rest[key], pieces, rest.pieces))
      const fact: SalesFact = {
        ...common,
        item_id: item.item_id,
        source_id: ret.return_id,
        kind: "return",
        occurred_at: ret.received_at,
        variant_id: item.variant_id,
        metal: item.metal,
        purity: item.purity,
        category: item.category,
        pieces: -pieces,
        gross_weight_mg: -part("gross_weight_mg"),
        net_weight_mg: -part("net_weight_mg"),
        revenue_paise: -part("revenue_paise"),
        gst_paise: -part("gst_paise"),
        discount_paise: -part("discount_paise"),
        making_paise: rest.making_paise === null ? null : -(whole ? rest.making_paise : share(rest.making_paise, pieces, rest.pieces)),
        bill: 0,
      }
      facts.push(fact)
      rest.pieces -= pieces
      rest.gross_weight_mg += fact.gross_weight_mg
      rest.net_weight_mg += fact.net_weight_mg
      rest.revenue_paise += fact.revenue_paise
      rest.gst_paise += fact.gst_paise
      rest.discount_paise += fact.discount_paise
      rest.making_paise = rest.making_paise === null ? null : rest.making_paise + fact.making_paise!
    }
  }
  return facts
}
