/**
 * Prices set by hand on Medusa's own order screens. Medusa's order edits,
 * draft orders, exchanges, claims and returns take a `unit_price`, a
 * `compare_at_unit_price`, a shipping `custom_amount` or an `amount` in the
 * body, with no limit: whoever may change an order may sell a piece for a
 * rupee. Which roles may do it is the access matrix's `orders: price`
 * (src/lib/access-matrix.ts); this file finds such fields in a body.
 */

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
