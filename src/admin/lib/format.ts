/** ₹1,23,456.78 (Indian digit grouping) from rupees. */
export function inr(rupees: number): string {
  return new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR", minimumFractionDigits: 2 }).format(rupees)
}

export function when(value: string | Date | null | undefined): string {
  return value ? new Date(value).toLocaleString("en-IN", { dateStyle: "medium", timeStyle: "short" }) : "—"
}
