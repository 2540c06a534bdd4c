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

/** The metals the shop prices; each has its name in every language (Site's metal.* messages). */
export const METALS = ["gold", "silver", "platinum"] as const
export type Metal = (typeof METALS)[number]

/** Names a metal in the shopper's language: its Site metal.* message. */
export type MetalNames = (metal: Metal) => string

const isMetal = (metal: string): metal is Metal => (METALS as readonly string[]).includes(metal)

/** "Gold"; with names, the shopper's word for it ("सोना"). A metal they do not name is written as stored, capitalised. */
export function metalLabel(metal: string, names?: MetalNames): string {
  return names && isMetal(metal) ? names(metal) : `${metal.charAt(0).toUpperCase()}${metal.slice(1)}`
}

/** "22K (916)" for gold; "Silver 925", "Platinum 950" for the others (with names, "चाँदी 925"). */
export function formatPurity(metal: string, purity: number, names?: MetalNames): string {
  if (metal === "gold") {
    return KARATS[purity] ? `${KARATS[purity]} (${purity})` : `${purity}`
  }
  return `${metalLabel(metal, names)} ${purity}`
}
