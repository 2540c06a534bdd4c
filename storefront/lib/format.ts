/**
 * How the storefront writes money, weights and purities: Indian grouping
 * (₹1,23,456), grams to three places as jewellers weigh, karats for gold.
 * Pure, so the same text is rendered on the server and in the browser.
 */
const WHOLE_RUPEES = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR", minimumFractionDigits: 0, maximumFractionDigits: 0 })
const RUPEES_PAISE = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR", minimumFractionDigits: 2, maximumFractionDigits: 2 })
const GRAMS = new Intl.NumberFormat("en-IN", { minimumFractionDigits: 3, maximumFractionDigits: 3 })

/** Rupees (Medusa's major units): 123456.5 → "₹1,23,456.50"; whole rupees without decimals ("₹81,508"). */
export function formatRupees(amount: number): string {
  return (Number.isInteger(amount) ? WHOLE_RUPEES : RUPEES_PAISE).format(amount)
}

export function formatGrams(grams: number): string {
  return `${GRAMS.format(grams)} g`
}

const KARATS: Record<number, string> = { 999: "24K", 995: "24K", 958: "23K", 916: "22K", 875: "21K", 750: "18K", 585: "14K", 417: "10K" }

/** "22K (916)" for gold; "Silver 925", "Platinum 950" for the others. */
export function formatPurity(metal: string, purity: number): string {
  if (metal === "gold") {
    return KARATS[purity] ? `${KARATS[purity]} (${purity})` : `${purity}`
  }
  return `${metal.charAt(0).toUpperCase()}${metal.slice(1)} ${purity}`
}

export const metalLabel = (metal: string) => `${metal.charAt(0).toUpperCase()}${metal.slice(1)}`
