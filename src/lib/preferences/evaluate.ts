/**
 * Offline evaluation on a time-based hold-out: recommenders are trained on
 * the interactions before a cut-off and judged on the purchases after it,
 * as they would have been used on the day of the cut-off. Measured per
 * customer who bought after the cut-off and had shown interest before it:
 *
 * - **HR@k**: share of those customers with at least one bought design in their top k;
 * - **NDCG@k**: the same, rewarding a bought design higher up the list (1 = bought designs first);
 * - **coverage**: share of all designs that appear in anyone's top k (a list the same for all scores low);
 * - **cold-item share**: share of the recommended places given to designs nobody showed interest in
 *   before the cut-off (new arrivals), which a model that only learns from history never names.
 */
import { alsRecommender } from "./als"
import { PreferenceDataError, type Interaction, type Item } from "./data"
import { attributeAffinityBaseline, designsOf, popularityBaseline, scoreEach, type Design, type RecommenderFactory, type TrainingSet } from "./recommenders"

/** Fewer interactions than this say nothing about tastes: no model is trained or judged on them. */
export const MIN_INTERACTIONS = 50

export type HoldOut = {
  cutoff: Date
  training: Interaction[]
  /** Per evaluated customer, the designs they bought on or after the cut-off. */
  bought: Map<string, Set<string>>
}

/** Everything before `weeks` weeks before the last interaction is for training; purchases from then on are the test. */
export function holdOutLastWeeks(interactions: Interaction[], designOfItem: ReadonlyMap<string, string>, weeks: number): HoldOut {
  const last = interactions.reduce((max, i) => Math.max(max, i.at.getTime()), -Infinity)
  const cutoff = new Date(last - weeks * 7 * 86_400_000)
  const training = interactions.filter((i) => i.at < cutoff)
  const known = new Set(training.map((i) => i.customer_id))
  const bought = new Map<string, Set<string>>()
  for (const i of interactions) {
    if (i.at >= cutoff && i.kind === "purchase" && known.has(i.customer_id)) {
      const set = bought.get(i.customer_id) ?? new Set<string>()
      set.add(designOfItem.get(i.item_id)!)
      bought.set(i.customer_id, set)
    }
  }
  return { cutoff, training, bought }
}

export function hitRate(recommended: string[], relevant: ReadonlySet<string>): number {
  return recommended.some((d) => relevant.has(d)) ? 1 : 0
}

/** Binary-relevance NDCG: each bought design found at rank r (from 1) earns 1/log2(r + 1), over the best possible. */
export function ndcg(recommended: string[], relevant: ReadonlySet<string>, k: number): number {
  const gain = (rank: number) => 1 / Math.log2(rank + 1)
  const dcg = recommended.slice(0, k).reduce((sum, d, i) => sum + (relevant.has(d) ? gain(i + 1) : 0), 0)
  let ideal = 0
  for (let r = 1; r <= Math.min(k, relevant.size); r++) {
    ideal += gain(r)
  }
  return ideal === 0 ? 0 : dcg / ideal
}

export type EvaluationRow = {
  model: string
  customers: number
  hr_at_k: number
  ndcg_at_k: number
  coverage: number
  cold_item_share: number
}

export type Evaluation = {
  k: number
  cutoff: string
  training_interactions: number
  test_customers: number
  designs: number
  rows: EvaluationRow[]
}

export function evaluateRecommenders(
  factories: RecommenderFactory[],
  data: { interactions: Interaction[]; designs: ReadonlyMap<string, Design>; designOfItem: ReadonlyMap<string, string> },
  { k = 10, weeks = 8 }: { k?: number; weeks?: number } = {}
): Evaluation {
  if (data.interactions.length < MIN_INTERACTIONS) {
    throw new PreferenceDataError(`${data.interactions.length} interactions are too few to judge tastes on (at least ${MIN_INTERACTIONS})`)
  }
  const holdOut = holdOutLastWeeks(data.interactions, data.designOfItem, weeks)
  if (!holdOut.bought.size) {
    throw new PreferenceDataError(
      `no customer known before ${holdOut.cutoff.toISOString().slice(0, 10)} bought after it: hold out more weeks than ${weeks}`
    )
  }
  const training: TrainingSet = { interactions: holdOut.training, designs: data.designs, designOfItem: data.designOfItem, now: holdOut.cutoff }
  const warm = new Set(holdOut.training.map((i) => data.designOfItem.get(i.item_id)!))
  const rows = factories.map((factory) => {
    const recommender = factory(training)
    let hits = 0
    let gains = 0
    let places = 0
    let coldPlaces = 0
    const named = new Set<string>()
    const customers = [...holdOut.bought.keys()]
    const lists = scoreEach(recommender, customers, k)
    customers.forEach((customer, at) => {
      const relevant = holdOut.bought.get(customer)!
      const list = lists[at].map((d) => d.id)
      hits += hitRate(list, relevant)
      gains += ndcg(list, relevant, k)
      places += list.length
      for (const d of list) {
        named.add(d)
        coldPlaces += warm.has(d) ? 0 : 1
      }
    })
    const n = holdOut.bought.size
    return {
      model: recommender.name,
      customers: n,
      hr_at_k: n ? hits / n : 0,
      ndcg_at_k: n ? gains / n : 0,
      coverage: data.designs.size ? named.size / data.designs.size : 0,
      cold_item_share: places ? coldPlaces / places : 0,
    }
  })
  return {
    k,
    cutoff: holdOut.cutoff.toISOString(),
    training_interactions: holdOut.training.length,
    test_customers: holdOut.bought.size,
    designs: data.designs.size,
    rows,
  }
}

/** The evaluation as a table for a terminal or the docs. */
export function evaluationTable(e: Evaluation): string {
  const head = `| model | HR@${e.k} | NDCG@${e.k} | coverage | cold-item share |`
  const lines = e.rows.map((r) => `| ${r.model} | ${r.hr_at_k.toFixed(3)} | ${r.ndcg_at_k.toFixed(3)} | ${(r.coverage * 100).toFixed(1)} % | ${(r.cold_item_share * 100).toFixed(1)} % |`)
  return [
    `Trained on ${e.training_interactions} interactions before ${e.cutoff}; tested on ${e.test_customers} customers' purchases after it; ${e.designs} designs.`,
    head,
    "|---|---|---|---|---|",
    ...lines,
  ].join("\n")
}

/** The recommenders every evaluation compares. */
export const RECOMMENDERS: RecommenderFactory[] = [popularityBaseline, attributeAffinityBaseline, alsRecommender()]

/** Items and interactions (from the shop or from files) evaluated with every recommender. */
export function evaluateItems(items: Item[], interactions: Interaction[], options: { k?: number; weeks?: number } = {}): Evaluation {
  const { designs, designOfItem } = designsOf(items)
  return evaluateRecommenders(RECOMMENDERS, { interactions, designs, designOfItem }, options)
}
