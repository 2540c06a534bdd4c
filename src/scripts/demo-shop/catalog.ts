/**
 * The demo catalogue: about 300 pieces across categories, metals, purities
 * and branches, generated from a fixed seed so that every install (and every
 * run) gets exactly the same pieces, weights, HUIDs and tags.
 */
import type { CreateJewelryProductInput } from "../../workflows/jewelry"
import { caratsToMct, gramsToMg, percentToBp, rupeesToPaise } from "../../lib/money"
import { COUNTED_CATEGORIES } from "./data"
import { generator } from "./random"

type Family = {
  category: string
  names: string[]
  metal: "gold" | "silver" | "platinum"
  purities: number[]
  option: string
  values: string[]
  /** Net weight range in milligrams for the first option value; later values add `step_mg`. */
  net_mg: [number, number]
  step_mg: number
  making: () => { type: "per_gram"; rupees: string } | { type: "percent"; percent: string } | { type: "flat"; rupees: string }
  wastage: [number, number]
  hsn?: string
  diamonds?: boolean
  count: number
}

export type CatalogProduct = CreateJewelryProductInput & {
  handle: string
  category: string
  /** Articles in stock per branch code, per variant: a piece is at one branch at most. */
  stock: Record<string, number>[]
}

const SEED = 20261125

/**
 * A piece is one article at one branch (docs/counter.md, "One piece per tag"): the branch that drew the most,
 * the first of them on a tie, or none (sold out) when every branch drew 0.
 */
function onePiece(draws: Record<string, number>): Record<string, number> {
  const [branch, most] = Object.entries(draws).reduce((best, entry) => (entry[1] > best[1] ? entry : best))
  return most > 0 ? { [branch]: 1 } : {}
}
const HUID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

export function demoCatalog(): CatalogProduct[] {
  const rnd = generator(SEED)
  const perGram = (min: number, max: number) => () => ({ type: "per_gram" as const, rupees: String(rnd.int(min, max) * 10) })
  const percent = (min: number, max: number) => () => ({ type: "percent" as const, percent: String(rnd.int(min, max)) })
  const flat = (min: number, max: number) => () => ({ type: "flat" as const, rupees: String(rnd.int(min, max) * 50) })
  const families: Family[] = [
    { category: "rings", names: ["Kamal", "Mayur", "Nakshi", "Chand", "Tara"], metal: "gold", purities: [916, 916, 750], option: "Ring size", values: ["10", "12", "14", "16"], net_mg: [2800, 5200], step_mg: 150, making: perGram(35, 55), wastage: [0, 6], count: 30 },
    { category: "necklaces", names: ["Rani Haar", "Kasu Mala", "Mango Mala", "Choker"], metal: "gold", purities: [916], option: "Length", values: ["16 in", "18 in"], net_mg: [22000, 48000], step_mg: 2500, making: perGram(45, 70), wastage: [6, 12], count: 16 },
    { category: "bangles", names: ["Kada", "Patli", "Churi", "Kangan"], metal: "gold", purities: [916], option: "Bangle size", values: ["2.2", "2.4", "2.6", "2.8"], net_mg: [9000, 21000], step_mg: 600, making: perGram(30, 45), wastage: [4, 8], count: 20 },
    { category: "earrings", names: ["Jhumka", "Bali", "Chandbali", "Tops", "Kundan Studs"], metal: "gold", purities: [916, 750], option: "Style", values: ["Pair"], net_mg: [3500, 12000], step_mg: 0, making: perGram(40, 60), wastage: [5, 9], count: 26 },
    { category: "chains", names: ["Rope", "Box", "Figaro", "Singapore", "Curb"], metal: "gold", purities: [916], option: "Length", values: ["18 in", "20 in", "22 in"], net_mg: [8000, 22000], step_mg: 1200, making: perGram(25, 35), wastage: [5, 8], count: 16 },
    { category: "pendants", names: ["Solitaire", "Halo", "Om", "Heart", "Evil Eye"], metal: "gold", purities: [750, 585], option: "Diamond", values: ["0.10 ct", "0.20 ct"], net_mg: [1500, 3500], step_mg: 200, making: percent(12, 18), wastage: [0, 0], diamonds: true, count: 20 },
    { category: "coins-bars", names: ["Lakshmi Coin", "Ganesh Coin", "Bar"], metal: "gold", purities: [999], option: "Weight", values: ["1 g", "2 g", "5 g"], net_mg: [1000, 1000], step_mg: 0, making: flat(2, 6), wastage: [0, 0], hsn: "7118", count: 3 },
    { category: "silverware", names: ["Glass", "Bowl", "Diya", "Kalash", "Plate"], metal: "silver", purities: [925, 999], option: "Set", values: ["Single", "Pair"], net_mg: [40000, 160000], step_mg: 40000, making: flat(6, 30), wastage: [0, 0], hsn: "7114", count: 14 },
    { category: "rings", names: ["Platinum Band"], metal: "platinum", purities: [950], option: "Ring size", values: ["14", "18", "20"], net_mg: [4500, 7500], step_mg: 250, making: percent(15, 20), wastage: [0, 0], count: 6 },
  ]

  const products: CatalogProduct[] = []
  const huids = new Set<string>()
  const huid = () => {
    for (;;) {
      const candidate = Array.from({ length: 6 }, () => rnd.pick(HUID_ALPHABET.split(""))).join("")
      if (!huids.has(candidate)) {
        huids.add(candidate)
        return candidate
      }
    }
  }
  let serial = 0
  for (const family of families) {
    for (let i = 0; i < family.count; i++) {
      const name = family.names[i % family.names.length]
      const purity = rnd.pick(family.purities)
      const karat = family.metal === "gold" ? { 999: "24K", 916: "22K", 750: "18K", 585: "14K" }[purity] : String(purity)
      const title = `${name} ${karat} ${family.metal === "gold" ? "Gold" : family.metal === "silver" ? "Silver" : ""} ${family.category === "coins-bars" ? "" : "No. " + (i + 1)}`
        .replace(/\s+/g, " ")
        .trim()
      const handle = `sgj-${family.category}-${String(++serial).padStart(3, "0")}`
      const base = family.net_mg[0] + rnd.int(0, (family.net_mg[1] - family.net_mg[0]) / 10) * 10
      const making = family.making()
      const wastage = String(rnd.int(family.wastage[0], family.wastage[1]))
      const values = family.category === "coins-bars" ? family.values : family.values.slice(0, rnd.int(1, family.values.length))
      const stock: Record<string, number>[] = []
      // Coins of one weight and plain silverware are sold by count under one tag; the rest are one article a tag.
      const counted = COUNTED_CATEGORIES.includes(family.category)
      const variants = values.map((value, v) => {
        const code = `${handle.toUpperCase().replace("SGJ-", "SGJ")}-${v + 1}`
        const netMg = family.category === "coins-bars" ? gramsToMg(value.replace(" g", "")) : base + v * family.step_mg
        const carats = family.diamonds ? value.replace(" ct", "") : null
        const stones = carats
          ? [{ type: "diamond", shape: "round", count: 1, weight_mct: caratsToMct(carats), price_per_carat_paise: rupeesToPaise(String(rnd.int(60, 95) * 1000)) }]
          : []
        const stoneMg = stones.reduce((sum, s) => sum + s.weight_mct / 5, 0)
        const draws = { MUM: rnd.int(0, 3), PUN: rnd.int(0, 2), BLR: rnd.int(0, 2) }
        stock.push(counted ? draws : onePiece(draws))
        // Drawn for counted goods too (and dropped), so that every later piece keeps its HUID from run to run.
        const hallmark = family.metal === "platinum" ? null : huid()
        return {
          option_value: value,
          sku: code.replace("SGJ", "SGJ-"),
          metal: family.metal,
          purity,
          gross_weight_mg: netMg + stoneMg,
          net_weight_mg: netMg,
          stone_weight_mg: stoneMg,
          stones,
          making_type: making.type,
          making_value: making.type === "percent" ? percentToBp(making.percent) : rupeesToPaise(making.rupees),
          wastage_bp: percentToBp(wastage),
          other_charges_paise: family.metal === "platinum" ? 0 : rupeesToPaise("45"),
          hsn: family.hsn ?? "7113",
          huid: counted ? null : hallmark,
          tag_code: code.replace("SGJ", "SGJ-"),
          stock_unit: counted ? ("count" as const) : ("piece" as const),
          size: value,
          pricing_mode: "rate_based" as const,
        }
      })
      products.push({ title, handle, category: family.category, option_title: family.option, variants, stock })
    }
  }
  return products
}
