/**
 * Place of supply under GST (docs/architecture.md, "Pricing and GST"): the
 * delivery address's state for shipments, the branch's state for counter sales
 * and store pickup. It decides CGST + SGST (same state as the branch) or IGST
 * (another state).
 */
import { GST_STATE_CODES } from "./gstin"

/** ISO 3166-2:IN subdivision codes (as Medusa addresses carry them, e.g. "in-mh") → GST state codes. */
const ISO_TO_GST: Readonly<Record<string, string>> = {
  JK: "01", HP: "02", PB: "03", CH: "04", UT: "05", UK: "05", HR: "06", DL: "07", RJ: "08", UP: "09",
  BR: "10", SK: "11", AR: "12", NL: "13", MN: "14", MZ: "15", TR: "16", ML: "17", AS: "18", WB: "19",
  JH: "20", OR: "21", OD: "21", CT: "22", CG: "22", MP: "23", GJ: "24", DN: "26", DD: "26", DH: "26",
  MH: "27", KA: "29", GA: "30", LD: "31", KL: "32", TN: "33", PY: "34", AN: "35", TG: "36", TS: "36",
  AP: "37", LA: "38",
}

/** Older or common spellings of state names. */
const ALIASES: Readonly<Record<string, string>> = {
  orissa: "21",
  pondicherry: "34",
  "new delhi": "07",
  "nct of delhi": "07",
  "jammu & kashmir": "01",
  "andaman & nicobar islands": "35",
  "daman and diu": "26",
  "dadra and nagar haveli": "26",
  uttaranchal: "05",
}

const NAME_TO_GST: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(GST_STATE_CODES).map(([code, name]) => [name.toLowerCase(), code])
)

/**
 * The GST state code of an address's province as people and storefronts
 * write it: "in-mh", "MH", "Maharashtra", "27". Null when it is not an Indian
 * state or union territory.
 */
export function gstStateCodeOf(province: string | null | undefined): string | null {
  const text = (province ?? "").trim()
  if (!text) {
    return null
  }
  if (/^\d{2}$/.test(text)) {
    return GST_STATE_CODES[text] ? text : null
  }
  const iso = text.toUpperCase().replace(/^IN-/, "")
  if (ISO_TO_GST[iso]) {
    return ISO_TO_GST[iso]
  }
  const name = text.toLowerCase().replace(/\s+/g, " ")
  return NAME_TO_GST[name] ?? ALIASES[name] ?? null
}

export type PlaceOfSupply = {
  state_code: string
  state_name: string
  /** delivery: the shipping address's state; counter: the branch's (pickup, counter sale, or an address whose state is not known). */
  basis: "delivery" | "counter"
  /** Why the branch's state was used for a delivery, when it was. */
  note: string | null
}

export function placeOfSupply({
  delivery,
  shipping_province,
  branch_state_code,
}: {
  /** True when the goods are sent to the customer; false for pickup and counter sales. */
  delivery: boolean
  shipping_province: string | null | undefined
  branch_state_code: string
}): PlaceOfSupply {
  const branchState = { state_code: branch_state_code, state_name: GST_STATE_CODES[branch_state_code] ?? branch_state_code }
  if (!delivery) {
    return { ...branchState, basis: "counter", note: null }
  }
  const code = gstStateCodeOf(shipping_province)
  if (!code) {
    return {
      ...branchState,
      basis: "counter",
      note: `the delivery address's state ${shipping_province ? `"${shipping_province}" ` : ""}is not an Indian state; the branch's state is used`,
    }
  }
  return { state_code: code, state_name: GST_STATE_CODES[code], basis: "delivery", note: null }
}
