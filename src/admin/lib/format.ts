/** ₹1,23,456.78 (Indian digit grouping) from rupees. */
export function inr(rupees: number): string {
  return new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR", minimumFractionDigits: 2 }).format(rupees)
}

export function when(value: string | Date | null | undefined): string {
  return value ? new Date(value).toLocaleString("en-IN", { dateStyle: "medium", timeStyle: "short" }) : "—"
}

/** ₹1,23,456.78 from integer paise, as the API's paise fields carry money. */
export function inrPaise(paise: number): string {
  return inr(paise / 100)
}

/** A new idempotency key for a counter form ("COUNTER-2026-12-03-K3J9…"): one a bill, voucher or instalment, kept until it succeeds. */
export function newIdempotencyKey(prefix: string): string {
  return `${prefix}-${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 10).toUpperCase()}`
}

/** A day in India (UTC+05:30 all year) as YYYY-MM-DD: today, or `offsetDays` from it, as the server counts days. */
export function indiaDay(offsetDays = 0): string {
  return new Date(Date.now() + 5.5 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
}

/** "1,234.567 g" from integer milligrams, as the API's weight fields carry them. */
export function grams(mg: number): string {
  return `${(mg / 1000).toLocaleString("en-IN", { minimumFractionDigits: 3, maximumFractionDigits: 3 })} g`
}
