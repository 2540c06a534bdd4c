/**
 * What the preference model is compared with, and the shape every recommender
 * shares: trained on interactions before a moment, asked for a customer's
 * top designs. The two baselines are the ones a shop would reach for without
 * a model: what sells most, and more of what this customer already chose.
 */
import { designOf, interactionWeight, priceBand, type Interaction, type Item, type PriceBand } from "./data"

export type Design = { id: string; metal: string; purity: number | null; category: string; band: PriceBand | null; items: string[] }

export type TrainingSet = {
  interactions: Interaction[]
  designs: ReadonlyMap<string, Design>
  /** The design each item belongs to. */
  designOfItem: ReadonlyMap<string, string>
  /** The moment interest is weighed from (older interactions count less). */
  now: Date
}

export type ScoredDesign = { id: string; score: number }

export type Recommender = {
  name: string
  /** The customer's top `k` designs with their scores, best first. */
  scored(customerId: string, k: number): ScoredDesign[]
  /** The same for many customers at once, where the recommender does that faster than one by one. */
  scoredEach?(customerIds: readonly string[], k: number): ScoredDesign[][]
}

/** Each customer's top `k` designs with their scores, in the customers' order. */
export function scoreEach(recommender: Recommender, customerIds: readonly string[], k: number): ScoredDesign[][] {
  return recommender.scoredEach ? recommender.scoredEach(customerIds, k) : customerIds.map((id) => recommender.scored(id, k))
}

/** The customer's top `k` designs, best first. */
export function recommend(recommender: Recommender, customerId: string, k: number): string[] {
  return recommender.scored(customerId, k).map((d) => d.id)
}

export type RecommenderFactory = (training: TrainingSet) => Recommender

/** Designs from items: a design takes the attributes of its first item by id (pieces of one design share them). */
export function designsOf(items: Item[]): { designs: Map<string, Design>; designOfItem: Map<string, string> } {
  const designs = new Map<string, Design>()
  const designOfItem = new Map<string, string>()
  for (const item of [...items].sort((a, b) => (a.item_id < b.item_id ? -1 : a.item_id > b.item_id ? 1 : 0))) {
    const id = designOf(item)
    designOfItem.set(item.item_id, id)
    const design = designs.get(id)
    if (design) {
      design.items.push(item.item_id)
    } else {
      designs.set(id, { id, metal: item.metal, purity: item.purity, category: item.category, band: priceBand(item.price_paise), items: [item.item_id] })
    }
  }
  return { designs, designOfItem }
}

/** Each design's weighted interest across all customers. */
export function designPopularity(training: TrainingSet): Map<string, number> {
  const popularity = new Map<string, number>()
  for (const i of training.interactions) {
    const design = training.designOfItem.get(i.item_id)!
    popularity.set(design, (popularity.get(design) ?? 0) + interactionWeight(i.kind, i.at, training.now))
  }
  return popularity
}

/** The `k` best of `ids` by `score`, ties broken by id so every run ranks alike. */
export function topK(ids: Iterable<string>, score: (id: string, index: number) => number, k: number): ScoredDesign[] {
  const list = Array.isArray(ids) ? (ids as string[]) : [...ids]
  return topKOfScores(list, Float64Array.from(list, (id, index) => score(id, index)), k)
}

/**
 * The `k` best of `ids` by their `scores` (by index), ties broken by id: the same list a full sort would head.
 * The best k are kept in order as the scores go by; a score under the k-th best is passed over at the cost of one
 * comparison, which is all most of a customer's ten thousand designs cost.
 */
export function topKOfScores(ids: readonly string[], scores: Float64Array, k: number): ScoredDesign[] {
  const best: ScoredDesign[] = []
  if (k <= 0) {
    return best
  }
  const ahead = (s: number, id: string, of: ScoredDesign) => s > of.score || (s === of.score && id < of.id)
  let floor = -Infinity
  for (let index = 0; index < ids.length; index++) {
    const s = scores[index]
    if (s < floor || (best.length === k && !ahead(s, ids[index], best[k - 1]))) {
      continue
    }
    if (best.length === k) {
      best.pop()
    }
    let at = best.length
    while (at > 0 && ahead(s, ids[index], best[at - 1])) {
      at--
    }
    best.splice(at, 0, { id: ids[index], score: s })
    if (best.length === k) {
      floor = best[k - 1].score
    }
  }
  return best
}

/**
 * The most popular designs, the same for every customer who asks: worked out once for the largest `k` asked so
 * far (the evaluation asks for every test customer's list).
 */
export function popularList(designIds: Iterable<string>, popularity: ReadonlyMap<string, number>): (k: number) => ScoredDesign[] {
  const ids = [...designIds]
  let longest: ScoredDesign[] = []
  let askedFor = 0
  return (k) => {
    if (k > askedFor) {
      longest = topK(ids, (d) => popularity.get(d) ?? 0, k)
      askedFor = k
    }
    return longest.slice(0, k)
  }
}

/** The same list for everyone: the designs with the most weighted interest. */
export const popularityBaseline: RecommenderFactory = (training) => {
  const popular = popularList(training.designs.keys(), designPopularity(training))
  return {
    name: "popularity",
    scored: (_customerId, k) => popular(k),
  }
}

export type Affinity = { metal: Map<string, number>; purity: Map<string, number>; category: Map<string, number>; band: Map<string, number> }

/** What share of a customer's weighted interest went to each metal, purity, category and price band. */
export function customerAffinities(training: TrainingSet): Map<string, Affinity> {
  const affinities = new Map<string, Affinity & { total: number }>()
  const add = (map: Map<string, number>, key: string | number | null, w: number) => {
    if (key !== null) {
      map.set(String(key), (map.get(String(key)) ?? 0) + w)
    }
  }
  for (const i of training.interactions) {
    const design = training.designs.get(training.designOfItem.get(i.item_id)!)!
    const w = interactionWeight(i.kind, i.at, training.now)
    let a = affinities.get(i.customer_id)
    if (!a) {
      a = { metal: new Map(), purity: new Map(), category: new Map(), band: new Map(), total: 0 }
      affinities.set(i.customer_id, a)
    }
    a.total += w
    add(a.metal, design.metal, w)
    add(a.purity, design.purity, w)
    add(a.category, design.category, w)
    add(a.band, design.band, w)
  }
  for (const a of affinities.values()) {
    for (const map of [a.metal, a.purity, a.category, a.band]) {
      map.forEach((w, key) => map.set(key, a.total > 0 ? w / a.total : 0))
    }
  }
  return affinities
}

/** How the attribute shares add up to a design's score: the kind of piece first, then its metal, purity and price. */
export const AFFINITY_WEIGHTS = { category: 0.4, metal: 0.3, purity: 0.2, band: 0.1 } as const

export function affinityScore(a: Affinity | undefined, d: Design): number {
  if (!a) {
    return 0
  }
  return (
    AFFINITY_WEIGHTS.category * (a.category.get(d.category) ?? 0) +
    AFFINITY_WEIGHTS.metal * (a.metal.get(d.metal) ?? 0) +
    AFFINITY_WEIGHTS.purity * (d.purity === null ? 0 : a.purity.get(String(d.purity)) ?? 0) +
    AFFINITY_WEIGHTS.band * (d.band === null ? 0 : a.band.get(d.band) ?? 0)
  )
}

/** Designs' attributes as small integer codes (0 for none, else 1 + the value's index), by column, for scoring every design for many customers. */
export type EncodedDesigns = {
  count: number
  codes: Record<keyof Affinity, Int32Array>
  /** Each attribute's values, by code − 1; as the affinity maps key them (purity as text). */
  values: Record<keyof Affinity, string[]>
}

const ATTRIBUTES = ["category", "metal", "purity", "band"] as const

export function encodeDesigns(designs: readonly Design[]): EncodedDesigns {
  const encode = (value: (d: Design) => string | null) => {
    const index = new Map<string, number>()
    const codes = Int32Array.from(designs, (d) => {
      const v = value(d)
      if (v === null) {
        return 0
      }
      if (!index.has(v)) {
        index.set(v, index.size)
      }
      return index.get(v)! + 1
    })
    return { codes, values: [...index.keys()] }
  }
  const category = encode((d) => d.category)
  const metal = encode((d) => d.metal)
  const purity = encode((d) => (d.purity === null ? null : String(d.purity)))
  const band = encode((d) => d.band)
  return {
    count: designs.length,
    codes: { category: category.codes, metal: metal.codes, purity: purity.codes, band: band.codes },
    values: { category: category.values, metal: metal.values, purity: purity.values, band: band.values },
  }
}

/**
 * Every design's affinityScore for one customer, by column, into `out`: the customer's shares looked up once per
 * attribute value rather than once per design (the same sums, in the same order, as affinityScore).
 */
export function affinityScores(encoded: EncodedDesigns, a: Affinity | undefined, out: Float64Array): Float64Array {
  if (!a) {
    return out.fill(0)
  }
  // The customer's share of each value by code, code 0 (none) sharing nothing.
  const [category, metal, purity, band] = ATTRIBUTES.map((attribute) => Float64Array.from([null, ...encoded.values[attribute]], (v) => (v === null ? 0 : a[attribute].get(v) ?? 0)))
  const { codes } = encoded
  for (let col = 0; col < encoded.count; col++) {
    out[col] =
      AFFINITY_WEIGHTS.category * category[codes.category[col]] +
      AFFINITY_WEIGHTS.metal * metal[codes.metal[col]] +
      AFFINITY_WEIGHTS.purity * purity[codes.purity[col]] +
      AFFINITY_WEIGHTS.band * band[codes.band[col]]
  }
  return out
}

/** Each design's popularity as a tie-breaker, by column: 1/1000 of its share of the most popular design's interest. */
export function tieBreakers(ids: readonly string[], popularity: ReadonlyMap<string, number>): Float64Array {
  const top = Math.max(1, ...popularity.values())
  return Float64Array.from(ids, (d) => (1e-3 * (popularity.get(d) ?? 0)) / top)
}

/**
 * More of what the customer chose: designs scored by the customer's shares of
 * their category, metal, purity and price band; among equals, the more
 * popular first. A customer with no history gets the popular list.
 */
export const attributeAffinityBaseline: RecommenderFactory = (training) => {
  const popularity = designPopularity(training)
  const affinities = customerAffinities(training)
  const ids = [...training.designs.keys()]
  const encoded = encodeDesigns(ids.map((id) => training.designs.get(id)!))
  const popular = tieBreakers(ids, popularity)
  const scores = new Float64Array(ids.length)
  return {
    name: "attribute affinity",
    scored: (customerId, k) => {
      affinityScores(encoded, affinities.get(customerId), scores)
      for (let col = 0; col < scores.length; col++) {
        scores[col] += popular[col]
      }
      return topKOfScores(ids, scores, k)
    },
  }
}
