/**
 * A shop's year of interest, made up in memory for the preference model's
 * benchmark (no app, no database): `customers` customers, 100 000 pieces in
 * 5 000 designs across the shop's categories, metals and purities, about
 * three purchases a customer over the year plus some wishlist entries and
 * enquiries. Seeded, so every run trains on the same data.
 *
 * Each customer has a taste to find, as the demo shop's customers do
 * (docs/preferences.md, "The demo shop's tastes"): of every ten purchases,
 * five are of their preferred category and metal *and* their style — a hidden
 * group of designs (temple, antique, …) the shop records nowhere, so only who
 * bought what with what reveals it — two more of their category and metal, and
 * three any design, the popular ones more often.
 */
import type { Interaction, InteractionKind, Item } from "../src/lib/preferences/data"
import { mulberry32 } from "../src/lib/seeded-random"

export const SYNTHETIC_PIECES = 100_000
export const SYNTHETIC_DESIGNS = 5_000
const STYLES = 6
/** The year the interactions fall in: 1 April 2025 to 31 March 2026 (India's financial year), fixed so runs agree. */
const YEAR_START = Date.UTC(2025, 3, 1)
const DAYS = 365


type Alloy = { metal: string; purity: number; rupeesPerGram: number }
const GOLD_22K: Alloy = { metal: "gold", purity: 916, rupeesPerGram: 9_000 }
const GOLD_18K: Alloy = { metal: "gold", purity: 750, rupeesPerGram: 7_400 }
const GOLD_24K: Alloy = { metal: "gold", purity: 999, rupeesPerGram: 9_800 }
const SILVER: Alloy = { metal: "silver", purity: 925, rupeesPerGram: 110 }
const PLATINUM: Alloy = { metal: "platinum", purity: 950, rupeesPerGram: 3_400 }

/** Each category: its share of the designs and of the customers' tastes, the alloys it is made in (with their shares), and a piece's net weight. */
const CATEGORIES: { category: string; share: number; alloys: [Alloy, number][]; grams: [number, number] }[] = [
  { category: "rings", share: 0.22, alloys: [[GOLD_22K, 0.55], [GOLD_18K, 0.25], [PLATINUM, 0.1], [SILVER, 0.1]], grams: [2, 8] },
  { category: "earrings", share: 0.2, alloys: [[GOLD_22K, 0.5], [GOLD_18K, 0.3], [PLATINUM, 0.05], [SILVER, 0.15]], grams: [2, 12] },
  { category: "chains", share: 0.13, alloys: [[GOLD_22K, 0.7], [GOLD_18K, 0.1], [PLATINUM, 0.1], [SILVER, 0.1]], grams: [5, 30] },
  { category: "bangles", share: 0.12, alloys: [[GOLD_22K, 0.8], [GOLD_18K, 0.1], [SILVER, 0.1]], grams: [8, 40] },
  { category: "pendants", share: 0.13, alloys: [[GOLD_22K, 0.45], [GOLD_18K, 0.3], [PLATINUM, 0.1], [SILVER, 0.15]], grams: [2, 10] },
  { category: "necklaces", share: 0.1, alloys: [[GOLD_22K, 0.85], [GOLD_18K, 0.15]], grams: [20, 80] },
  { category: "coins-bars", share: 0.04, alloys: [[GOLD_24K, 0.7], [SILVER, 0.3]], grams: [1, 50] },
  { category: "silverware", share: 0.06, alloys: [[SILVER, 1]], grams: [50, 500] },
]

export type SyntheticShop = { items: Item[]; interactions: Interaction[]; purchases: number }

export function syntheticShop(customers: number, seed = 24): SyntheticShop {
  const random = mulberry32(seed)
  const pick = <T>(choices: [T, number][]): T => {
    let u = random() * choices.reduce((sum, [, w]) => sum + w, 0)
    for (const [choice, w] of choices) {
      if ((u -= w) < 0) {
        return choice
      }
    }
    return choices[choices.length - 1][0]
  }
  const categories = CATEGORIES.map((c): [(typeof CATEGORIES)[number], number] => [c, c.share])

  // Designs, and their pieces: one each, the rest shared out in proportion to a draw (1 to 39 a design, 20 on average).
  type Design = { code: string; category: string; alloy: Alloy; style: number; items: string[] }
  const designs: Design[] = []
  const items: Item[] = []
  const shares = Array.from({ length: SYNTHETIC_DESIGNS }, () => random())
  const shareTotal = shares.reduce((sum, s) => sum + s, 0)
  let shared = 0
  for (let d = 0; d < SYNTHETIC_DESIGNS; d++) {
    const c = pick(categories)
    const design: Design = { code: `SD${String(d + 1).padStart(4, "0")}`, category: c.category, alloy: pick(c.alloys), style: Math.floor(random() * STYLES), items: [] }
    designs.push(design)
    const grams = c.grams[0] + random() * (c.grams[1] - c.grams[0])
    const before = Math.round((shared / shareTotal) * (SYNTHETIC_PIECES - SYNTHETIC_DESIGNS))
    shared += shares[d]
    const pieces = 1 + Math.round((shared / shareTotal) * (SYNTHETIC_PIECES - SYNTHETIC_DESIGNS)) - before
    for (let p = 0; p < pieces; p++) {
      const item_id = `SP${String(items.length + 1).padStart(6, "0")}`
      const net_weight_mg = Math.round(grams * (0.9 + 0.2 * random()) * 1000)
      design.items.push(item_id)
      items.push({
        item_id,
        metal: design.alloy.metal,
        purity: design.alloy.purity,
        category: design.category,
        design_code: design.code,
        net_weight_mg,
        // Metal at the day's rate plus 12 % making, in paise.
        price_paise: Math.round((net_weight_mg / 1000) * design.alloy.rupeesPerGram * 1.12) * 100,
      })
    }
  }
  // The designs a taste draws from: by category and metal, and by category, metal and style; each list in a
  // shuffled order whose head is drawn more often (some designs sell better than others).
  const skewed = <T>(list: T[]) => list[Math.floor(list.length * random() * random())]
  const shuffled = [...designs]
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]
  }
  const byTaste = new Map<string, Design[]>()
  for (const d of shuffled) {
    for (const key of [`${d.category}|${d.alloy.metal}`, `${d.category}|${d.alloy.metal}|${d.style}`]) {
      const list = byTaste.get(key) ?? []
      list.push(d)
      byTaste.set(key, list)
    }
  }
  // Festival and wedding seasons sell more: Akshaya Tritiya (late April), Diwali (late October), the winter weddings.
  const season = (day: number) => 1 + 2 * Math.exp(-(((day - 29) / 6) ** 2)) + 3 * Math.exp(-(((day - 205) / 12) ** 2)) + (day >= 225 && day < 320 ? 1 : 0)
  const moment = () => {
    for (;;) {
      const day = random() * DAYS
      if (random() * 6 < season(day)) {
        return new Date(YEAR_START + day * 86_400_000)
      }
    }
  }
  // A purchase takes the design's next piece (each piece one of a kind; a design sold out is made again); interest
  // shown without buying names any of its pieces.
  const sold = new Map<Design, number>()
  const pieceOf = (d: Design, kind: InteractionKind) => {
    if (kind !== "purchase") {
      return d.items[Math.floor(random() * d.items.length)]
    }
    const n = sold.get(d) ?? 0
    sold.set(d, n + 1)
    return d.items[n % d.items.length]
  }

  const interactions: Interaction[] = []
  let purchases = 0
  for (let c = 0; c < customers; c++) {
    const customer_id = `SC${String(c + 1).padStart(6, "0")}`
    const category = pick(categories)
    const metal = pick(category.alloys).metal
    const style = Math.floor(random() * STYLES)
    const liked = byTaste.get(`${category.category}|${metal}`) ?? shuffled
    const styled = byTaste.get(`${category.category}|${metal}|${style}`) ?? liked
    const choose = () => {
      const share = random() * 10
      return skewed(share < 5 ? styled : share < 7 ? liked : shuffled)
    }
    const add = (kind: InteractionKind, design: Design) => interactions.push({ customer_id, item_id: pieceOf(design, kind), at: moment(), kind })
    // Purchases: 1 + a geometric count, 3 on average.
    let bought = 1
    while (random() < 2 / 3) {
      bought++
    }
    for (let i = 0; i < bought; i++) {
      add("purchase", choose())
    }
    purchases += bought
    for (let i = 0, n = random() < 0.3 ? 1 + Math.floor(random() * 2) : 0; i < n; i++) {
      add("wishlist", choose())
    }
    if (random() < 0.2) {
      add("enquiry", choose())
    }
  }
  interactions.sort((a, b) => a.at.getTime() - b.at.getTime())
  return { items, interactions, purchases }
}
