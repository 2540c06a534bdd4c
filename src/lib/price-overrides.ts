/**
 * Prices set by hand on Medusa's own order screens. Medusa's order edits,
 * draft orders, exchanges, claims and returns take a `unit_price`, a
 * `compare_at_unit_price`, a shipping `custom_amount` or an `amount` in the
 * body, with no limit: whoever may change an order may sell a piece for a
 * rupee. Which roles may do it is the access matrix's `orders: price`
 * (src/lib/access-matrix.ts); this file finds such fields in a body, and what a change takes off the
 * prices it replaces (held to the role's "off the bill" limit, docs/counter.md).
 */
import { amountToPaise } from "./money"

/** Body fields through which Medusa's order routes take a price or an amount from the client. */
export const PRICE_FIELDS = ["unit_price", "compare_at_unit_price", "custom_amount", "amount", "refund_amount"] as const

export type PriceField = { field: string; path: string; value: unknown }

/** Every price field in a body, however deep (items[2].unit_price, shipping_methods[0].amount); a null is no price. */
export function priceFieldsIn(body: unknown, at = ""): PriceField[] {
  if (Array.isArray(body)) {
    return body.flatMap((item, i) => priceFieldsIn(item, `${at}[${i}]`))
  }
  if (!body || typeof body !== "object") {
    return []
  }
  return Object.entries(body as Record<string, unknown>).flatMap(([key, value]) => {
    const path = at ? `${at}.${key}` : key
    if ((PRICE_FIELDS as readonly string[]).includes(key) && value !== null && value !== undefined) {
      return [{ field: key, path, value }]
    }
    return priceFieldsIn(value, path)
  })
}

/** A line priced by hand in a body, and what it is a line of: a catalogue variant, an order's line item, or an order change's added item. */
export type HandPricedLine = { at: string; unit_price: number; quantity: number; variant_id?: string; item_id?: string; action_id?: string }

const amount = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : typeof value === "string" && value.trim() && Number.isFinite(Number(value)) ? Number(value) : null)

/**
 * The lines a body prices by hand on one of Medusa's order routes, by what their price is measured against:
 * `items[].unit_price` beside a `variant_id` (new lines of a draft order, an order edit, an exchange or claim);
 * a `unit_price` in the body of `…/items/item/:item_id` (an existing line) or `…/items/:action_id` (a line the
 * edit added). Custom lines without a variant have no catalogue price to measure against.
 */
export function handPricedLines(routePath: string, body: unknown): HandPricedLine[] {
  if (!body || typeof body !== "object") {
    return []
  }
  const b = body as Record<string, unknown>
  const lines: HandPricedLine[] = []
  if (Array.isArray(b.items)) {
    b.items.forEach((item, i) => {
      const line = item as Record<string, unknown> | null
      const price = amount(line?.unit_price)
      if (line && price !== null && typeof line.variant_id === "string") {
        lines.push({ at: `items[${i}].unit_price`, unit_price: price, quantity: amount(line.quantity) ?? 1, variant_id: line.variant_id })
      }
    })
  }
  const price = amount(b.unit_price)
  // Express routes a path in any letter case: the route's words are compared so, its ids as given.
  const segments = routePath.split("/").filter(Boolean)
  const words = segments.map((s) => s.toLowerCase())
  const itemsAt = words.lastIndexOf("items")
  if (price !== null && itemsAt > 0) {
    const quantity = amount(b.quantity) ?? 1
    if (words[itemsAt + 1] === "item" && segments[itemsAt + 2]) {
      lines.push({ at: "unit_price", unit_price: price, quantity, item_id: segments[itemsAt + 2] })
    } else if (segments[itemsAt + 1] && segments.length === itemsAt + 2) {
      lines.push({ at: "unit_price", unit_price: price, quantity, action_id: segments[itemsAt + 1] })
    }
  }
  return lines
}

/**
 * What a change takes off the catalogue's (or the line's own) prices, in paise: each line's price below its
 * reference times its quantity (a price above it takes nothing off), plus a credit line's amount. Lines whose
 * reference is unknown are left to the route, which answers for a line or variant that does not exist.
 */
export function priceCutPaise(lines: (HandPricedLine & { reference: number | null })[], creditLine: number | null): number {
  const cut = lines.reduce((sum, l) => (l.reference === null ? sum : sum + Math.max(0, amountToPaise(l.reference) - amountToPaise(l.unit_price)) * Math.max(1, Math.round(l.quantity))), 0)
  return cut + Math.max(0, creditLine === null ? 0 : amountToPaise(creditLine))
}

/** A credit line's amount (`POST /admin/orders/:id/credit-lines`): money the customer no longer owes. */
export function creditLineAmount(routePath: string, body: unknown): number | null {
  return /\/credit-lines$/i.test(routePath) && body && typeof body === "object" ? amount((body as Record<string, unknown>).amount) : null
}
