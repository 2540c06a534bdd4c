/**
 * A training run, as the nightly job and `npm run ml:train` do it: judge the
 * model on the hold-out (so each model carries its evaluation), train it
 * again on everything, and list every known customer's top designs with why.
 */
import { purityLabel } from "../tag-labels"
import { ALS_DEFAULTS, alsRecommender, type AlsParameters } from "./als"
import { PreferenceDataError, type Interaction, type Item, type PriceBand } from "./data"
import { evaluateItems, MIN_INTERACTIONS, type Evaluation } from "./evaluate"
import { customerAffinities, designsOf, type Affinity, type Design } from "./recommenders"

export type CustomerAffinityShare = { customer_id: string; attribute: "category" | "metal" | "purity" | "price_band"; value: string; share: number }

/** Shares under this say nothing a segment would select on; not kept. */
export const MIN_KEPT_SHARE = 0.05

export type CustomerDesign = { customer_id: string; rank: number; design_id: string; title: string; score: number; reason: string }

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
  const recommender = alsRecommender(model)(training)
  const affinities = customerAffinities(training)
  const customers = [...new Set(interactions.map((i) => i.customer_id))].sort()
  const recommendations = customers.flatMap((customer_id) =>
    recommender.scored(customer_id, k).map(({ id, score }, i) => ({
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
