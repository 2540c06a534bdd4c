/**
 * A training run, as the nightly job and `npm run ml:train` do it: judge the
 * model on the hold-out (so each model carries its evaluation), train it
 * again on everything, and list every known customer's top designs with why.
 */
import { purityLabel } from "../tag-labels"
import { ALS_DEFAULTS, foldInCustomer, scoreDesigns, trainAlsRecommender, type AlsParameters, type DesignColumns } from "./als"
import { interactionWeight, PreferenceDataError, type Interaction, type Item, type PriceBand } from "./data"
import { evaluateItems, MIN_INTERACTIONS, type Evaluation } from "./evaluate"
import { customerAffinities, designsOf, encodeDesigns, scoreEach, tieBreakers, type Affinity, type Design } from "./recommenders"

export type CustomerAffinityShare = { customer_id: string; attribute: "category" | "metal" | "purity" | "price_band"; value: string; share: number }

/** Shares under this say nothing a segment would select on; not kept. */
export const MIN_KEPT_SHARE = 0.05

export type CustomerDesign = { customer_id: string; rank: number; design_id: string; title: string; score: number; reason: string }

/**
 * A design as the trained model keeps it: what it is (for the affinity and the reason), its name, its weighted
 * interest across all customers, and its factors, so one customer's top designs can be worked out again after a
 * purchase without training (refreshCustomerDesigns).
 */
export type ModelDesign = {
  design_id: string
  title: string
  category: string
  metal: string
  purity: number | null
  band: PriceBand | null
  popularity: number
  factors: number[]
}

export type TrainingRun = {
  parameters: AlsParameters & { k: number; weeks: number }
  customers: number
  designs: number
  interactions: number
  /** Null, with `evaluation_skipped` saying why, when the data cannot be held out (too little after the cut-off). */
  evaluation: Evaluation | null
  evaluation_skipped: string | null
  recommendations: CustomerDesign[]
  /** Each customer's shares of interest per category, metal, purity and price band (segments' `preference_match`). */
  affinities: CustomerAffinityShare[]
  model_designs: ModelDesign[]
}

const BAND_LABEL: Record<PriceBand, string> = {
  under_25k: "under ₹25k",
  from_25k_to_1l: "₹25k–1L",
  from_1l_to_5l: "₹1L–5L",
  above_5l: "above ₹5L",
}

/** A share of interest this large or more is a taste worth saying. */
const SAYS_TASTE = 0.3

/**
 * Why a design suits a customer, in the shop's words: the parts of their taste it shares ("buys rings · 22K 916
 * gold · ₹25k–1L"), or, when it shares none, that customers of like taste bought it.
 */
export function reasonFor(affinity: Affinity | undefined, design: Design): string {
  const share = (map: Map<string, number> | undefined, key: string | number | null) => (key === null || !map ? 0 : map.get(String(key)) ?? 0)
  const parts: string[] = []
  if (share(affinity?.category, design.category) >= SAYS_TASTE) {
    parts.push(`buys ${design.category.replace(/-/g, " ")}`)
  }
  if (share(affinity?.metal, design.metal) >= SAYS_TASTE) {
    parts.push(design.purity !== null && share(affinity?.purity, design.purity) >= SAYS_TASTE ? purityLabel(design.metal, design.purity) : design.metal)
  }
  if (design.band && share(affinity?.band, design.band) >= SAYS_TASTE) {
    parts.push(BAND_LABEL[design.band])
  }
  return parts.length ? parts.join(" · ") : "bought by customers of like taste"
}

export function trainPreferences(
  items: (Item & { title?: string })[],
  interactions: Interaction[],
  now: Date,
  options: Partial<AlsParameters> & { k?: number; weeks?: number } = {}
): TrainingRun {
  const { k = 10, weeks = 8, ...model } = options
  const parameters = { ...ALS_DEFAULTS, ...model, k, weeks }
  if (interactions.length < MIN_INTERACTIONS) {
    throw new PreferenceDataError(`${interactions.length} interactions are too few to train on (at least ${MIN_INTERACTIONS}): the current model is kept`)
  }
  let evaluation: Evaluation | null = null
  let evaluation_skipped: string | null = null
  try {
    evaluation = evaluateItems(items, interactions, { k, weeks })
  } catch (err) {
    if (!(err instanceof PreferenceDataError)) {
      throw err
    }
    evaluation_skipped = err.message
  }
  const { designs, designOfItem } = designsOf(items)
  const titles = new Map<string, string>()
  for (const item of items) {
    const design = designOfItem.get(item.item_id)!
    if (!titles.has(design)) {
      titles.set(design, item.title ?? item.design_code ?? item.item_id)
    }
  }
  const training = { interactions, designs, designOfItem, now }
  const { recommender, columns, popularity, affinities } = trainAlsRecommender(training, model)
  const customers = [...new Set(interactions.map((i) => i.customer_id))].sort()
  const lists = scoreEach(recommender, customers, k)
  const recommendations = customers.flatMap((customer_id, at) =>
    lists[at].map(({ id, score }, i) => ({
      customer_id,
      rank: i + 1,
      design_id: id,
      title: titles.get(id) ?? id,
      score,
      reason: reasonFor(affinities.get(customer_id), designs.get(id)!),
    }))
  )
  const affinityRows = affinityShares(affinities, customers)
  return {
    parameters,
    customers: customers.length,
    designs: designs.size,
    interactions: interactions.length,
    evaluation,
    evaluation_skipped,
    recommendations,
    affinities: affinityRows,
    model_designs: columns.ids.map((id, col) => {
      const design = columns.designs[col]
      return {
        design_id: id,
        title: titles.get(id) ?? id,
        category: design.category,
        metal: design.metal,
        purity: design.purity,
        band: design.band,
        popularity: popularity.get(id) ?? 0,
        factors: Array.from(columns.factors.subarray(col * columns.f, (col + 1) * columns.f)),
      }
    }),
  }
}

/** The shares worth keeping (MIN_KEPT_SHARE and more) of the customers named, as rows. */
export function affinityShares(affinities: ReadonlyMap<string, Affinity>, customers: string[]): CustomerAffinityShare[] {
  return customers.flatMap((customer_id) => {
    const a = affinities.get(customer_id)
    const rows: CustomerAffinityShare[] = []
    if (!a) {
      return rows
    }
    for (const [attribute, map] of [["category", a.category], ["metal", a.metal], ["purity", a.purity], ["price_band", a.band]] as const) {
      map.forEach((share, value) => {
        if (share >= MIN_KEPT_SHARE) {
          rows.push({ customer_id, attribute, value, share })
        }
      })
    }
    return rows
  })
}

/**
 * One customer's shares from their own interest, as the night's training
 * would store them: what a purchase changes at once, before the next
 * training (segments, call lists and likely buyers read the shares).
 */
export function customerShares(items: Item[], interactions: Interaction[], customerId: string, now: Date): CustomerAffinityShare[] {
  const { designs, designOfItem } = designsOf(items)
  const own = interactions.filter((i) => i.customer_id === customerId && designOfItem.has(i.item_id))
  return affinityShares(customerAffinities({ interactions: own, designs, designOfItem, now }), [customerId])
}

/**
 * One customer's top designs after a purchase, before the next training: their factors folded in from their own
 * interest against the model's designs as trained (src/lib/preferences/als.ts `foldInCustomer`), scored as the
 * training scores them, with why. Designs the model does not know yet (taken in since) count towards the
 * customer's attribute shares, not their factors. Empty when the model kept no designs.
 */
export function refreshCustomerDesigns(
  modelDesigns: ModelDesign[],
  parameters: Partial<AlsParameters> & { k?: number },
  items: Item[],
  interactions: Interaction[],
  customerId: string,
  now: Date
): CustomerDesign[] {
  if (!modelDesigns.length) {
    return []
  }
  const p = { ...ALS_DEFAULTS, ...parameters }
  const { columns, columnOf } = columnsOf(modelDesigns)
  const f = columns.f
  const { designs, designOfItem } = designsOf(items)
  const own = interactions.filter((i) => i.customer_id === customerId && designOfItem.has(i.item_id))
  const interest = new Map<number, number>()
  for (const i of own) {
    const col = columnOf.get(designOfItem.get(i.item_id)!)
    if (col !== undefined) {
      interest.set(col, (interest.get(col) ?? 0) + interactionWeight(i.kind, i.at, now))
    }
  }
  const affinity = customerAffinities({ interactions: own, designs, designOfItem, now }).get(customerId)
  const customer = interest.size ? foldInCustomer(columns.factors, f, interest, p) : new Float64Array(f)
  return scoreDesigns(columns, customer, affinity, p.collaborative_weight, p.k ?? 10).map(({ id, score }, i) => ({
    customer_id: customerId,
    rank: i + 1,
    design_id: id,
    title: modelDesigns[columnOf.get(id)!].title,
    score,
    reason: reasonFor(affinity, columns.designs[columnOf.get(id)!]),
  }))
}

/**
 * A model's designs as the scoring reads them, worked out once per list of designs: the step that refreshes
 * customers after their purchases keeps the current model's list, and ten thousand designs' factors and
 * attributes need not be gathered again for every order of the day.
 */
const columnsByModel = new WeakMap<readonly ModelDesign[], { columns: DesignColumns; columnOf: Map<string, number> }>()
function columnsOf(modelDesigns: readonly ModelDesign[]): { columns: DesignColumns; columnOf: Map<string, number> } {
  let known = columnsByModel.get(modelDesigns)
  if (!known) {
    const designsByColumn: Design[] = modelDesigns.map((d) => ({ id: d.design_id, metal: d.metal, purity: d.purity, category: d.category, band: d.band, items: [] }))
    const ids = modelDesigns.map((d) => d.design_id)
    const columns: DesignColumns = {
      ids,
      designs: designsByColumn,
      encoded: encodeDesigns(designsByColumn),
      factors: Float64Array.from(modelDesigns.flatMap((d) => d.factors)),
      f: modelDesigns[0].factors.length,
      popular: tieBreakers(ids, new Map(modelDesigns.map((d) => [d.design_id, d.popularity]))),
    }
    known = { columns, columnOf: new Map(ids.map((id, col) => [id, col])) }
    columnsByModel.set(modelDesigns, known)
  }
  return known
}
