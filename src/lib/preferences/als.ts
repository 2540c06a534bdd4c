/**
 * The preference model: implicit-feedback matrix factorisation by alternating
 * least squares (Hu, Koren and Volinsky's confidence-weighted form) on
 * customers × designs, blended with the customer's attribute affinity so a
 * design nobody has shown interest in yet (a new arrival) is still placed by
 * what it is. docs/preferences.md says why it is written here on typed arrays
 * rather than taken from a library.
 *
 * Each customer u and design d get f factors; with weighted interest w (data.ts)
 * the confidence is c = 1 + α·w and the preference 1 where there is interest,
 * else 0 with confidence 1. Each half-step solves, for every row in turn,
 *   (YᵀY + Σ_d (c_d − 1)·y_d·y_dᵀ + λI) x = Σ_d c_d·y_d
 * by Cholesky, so a step costs (rows × f³ + interactions × f²).
 */
import { mulberry32 } from "../seeded-random"
import { interactionWeight } from "./data"
import {
  affinityScores,
  customerAffinities,
  designPopularity,
  encodeDesigns,
  popularList,
  tieBreakers,
  topKOfScores,
  type Affinity,
  type Design,
  type EncodedDesigns,
  type Recommender,
  type RecommenderFactory,
  type ScoredDesign,
  type TrainingSet,
} from "./recommenders"

export type AlsParameters = {
  factors: number
  iterations: number
  regularization: number
  alpha: number
  /** The factorisation's score beside the attribute affinity (0–1), after scaling each customer's best design to 1. */
  collaborative_weight: number
  seed: number
}

export const ALS_DEFAULTS: AlsParameters = { factors: 24, iterations: 8, regularization: 0.1, alpha: 10, collaborative_weight: 0.5, seed: 2026 }


/** Solves A·x = b for a symmetric positive-definite f×f matrix A (row-major) in place of b; A is overwritten. */
export function choleskySolve(a: Float64Array, b: Float64Array, f: number): void {
  for (let j = 0; j < f; j++) {
    let d = a[j * f + j]
    for (let k = 0; k < j; k++) {
      d -= a[j * f + k] * a[j * f + k]
    }
    const l = Math.sqrt(Math.max(d, 1e-12))
    a[j * f + j] = l
    for (let i = j + 1; i < f; i++) {
      let s = a[i * f + j]
      for (let k = 0; k < j; k++) {
        s -= a[i * f + k] * a[j * f + k]
      }
      a[i * f + j] = s / l
    }
  }
  for (let i = 0; i < f; i++) {
    let s = b[i]
    for (let k = 0; k < i; k++) {
      s -= a[i * f + k] * b[k]
    }
    b[i] = s / a[i * f + i]
  }
  for (let i = f - 1; i >= 0; i--) {
    let s = b[i]
    for (let k = i + 1; k < f; k++) {
      s -= a[k * f + i] * b[k]
    }
    b[i] = s / a[i * f + i]
  }
}

type Rows = { index: Int32Array; weight: Float64Array; start: Int32Array }

/** Interest grouped by row (CSR): the columns of row r are index[start[r] .. start[r+1]). */
function byRow(pairs: Map<string, number>, rows: number, rowOf: (key: string) => number, colOf: (key: string) => number): Rows {
  const count = new Int32Array(rows + 1)
  for (const key of pairs.keys()) {
    count[rowOf(key) + 1]++
  }
  for (let r = 0; r < rows; r++) {
    count[r + 1] += count[r]
  }
  const start = Int32Array.from(count)
  const fill = Int32Array.from(count)
  const index = new Int32Array(pairs.size)
  const weight = new Float64Array(pairs.size)
  for (const [key, w] of pairs) {
    const at = fill[rowOf(key)]++
    index[at] = colOf(key)
    weight[at] = w
  }
  return { index, weight, start }
}

/** YᵀY of the other side's factors: the part of every row's system that does not depend on the row. */
function gramOf(other: Float64Array, otherRows: number, f: number): Float64Array {
  const gram = new Float64Array(f * f)
  for (let r = 0; r < otherRows; r++) {
    for (let i = 0; i < f; i++) {
      const yi = other[r * f + i]
      for (let j = 0; j < f; j++) {
        gram[i * f + j] += yi * other[r * f + j]
      }
    }
  }
  return gram
}

/**
 * One row's factors, the other side's fixed: solves the system in the header for the row's columns `index[from..to)`
 * with their weights, into `b`. `a` and `b` are scratch of f×f and f.
 */
function solveRow(
  gram: Float64Array,
  other: Float64Array,
  index: ArrayLike<number>,
  weight: ArrayLike<number>,
  from: number,
  to: number,
  f: number,
  p: AlsParameters,
  a: Float64Array,
  b: Float64Array
): void {
  a.set(gram)
  b.fill(0)
  for (let i = 0; i < f; i++) {
    a[i * f + i] += p.regularization
  }
  for (let n = from; n < to; n++) {
    const col = index[n] * f
    const c = 1 + p.alpha * weight[n]
    for (let i = 0; i < f; i++) {
      const yi = other[col + i]
      b[i] += c * yi
      for (let j = 0; j < f; j++) {
        a[i * f + j] += (c - 1) * yi * other[col + j]
      }
    }
  }
  choleskySolve(a, b, f)
}

/** One half-step: every row's factors from the other side's, fixed. */
function solveSide(target: Float64Array, other: Float64Array, otherRows: number, rows: Rows, f: number, p: AlsParameters): void {
  const gram = gramOf(other, otherRows, f)
  const a = new Float64Array(f * f)
  const b = new Float64Array(f)
  for (let row = 0; row + 1 < rows.start.length; row++) {
    solveRow(gram, other, rows.index, rows.weight, rows.start[row], rows.start[row + 1], f, p, a, b)
    target.set(b, row * f)
  }
}

/** YᵀY of a model's design factors, worked out once per model: every purchase of the day folds a customer in against it. */
const designGrams = new WeakMap<Float64Array, Float64Array>()

/**
 * A customer's factors from their weighted interest in designs (column → weight), the designs' factors held as
 * trained: the half-step a training sweep would take for them ("fold-in"). What a purchase changes in their top
 * designs before the next training, without training again.
 */
export function foldInCustomer(designFactors: Float64Array, f: number, interest: ReadonlyMap<number, number>, parameters: Partial<AlsParameters> = {}): Float64Array {
  const p = { ...ALS_DEFAULTS, ...parameters }
  const columns = [...interest.keys()].sort((x, y) => x - y)
  const b = new Float64Array(f)
  let gram = designGrams.get(designFactors)
  if (!gram) {
    gram = gramOf(designFactors, designFactors.length / f, f)
    designGrams.set(designFactors, gram)
  }
  solveRow(
    gram,
    designFactors,
    columns,
    columns.map((c) => interest.get(c)!),
    0,
    columns.length,
    f,
    p,
    new Float64Array(f * f),
    b
  )
  return b
}

export type AlsModel = {
  customers: string[]
  designs: string[]
  factors: number
  customerFactors: Float64Array
  designFactors: Float64Array
}

/** Trains the factorisation; customers and designs keep the order of first appearance. */
export function trainAls(training: TrainingSet, parameters: Partial<AlsParameters> = {}): AlsModel {
  const p = { ...ALS_DEFAULTS, ...parameters }
  const f = p.factors
  const customers: string[] = []
  const customerIndex = new Map<string, number>()
  const designs = [...training.designs.keys()]
  const designIndex = new Map(designs.map((d, i) => [d, i]))
  const interest = new Map<string, number>()
  for (const i of training.interactions) {
    if (!customerIndex.has(i.customer_id)) {
      customerIndex.set(i.customer_id, customers.length)
      customers.push(i.customer_id)
    }
    const key = `${customerIndex.get(i.customer_id)}\u0000${designIndex.get(training.designOfItem.get(i.item_id)!)}`
    interest.set(key, (interest.get(key) ?? 0) + interactionWeight(i.kind, i.at, training.now))
  }
  const part = (key: string, n: 0 | 1) => Number(key.split("\u0000")[n])
  const byCustomer = byRow(interest, customers.length, (k) => part(k, 0), (k) => part(k, 1))
  const byDesign = byRow(interest, designs.length, (k) => part(k, 1), (k) => part(k, 0))
  // Seeded: the same data and parameters give the same model.
  const random = mulberry32(p.seed)
  const customerFactors = new Float64Array(customers.length * f)
  const designFactors = Float64Array.from({ length: designs.length * f }, () => (random() - 0.5) * 0.02)
  for (let it = 0; it < p.iterations; it++) {
    solveSide(customerFactors, designFactors, designs.length, byCustomer, f, p)
    solveSide(designFactors, customerFactors, customers.length, byDesign, f, p)
  }
  // A design nobody showed interest in learnt nothing: it takes the mean of the designs most like it that did.
  coldStart(designFactors, designs, training.designs, byDesign, f)
  return { customers, designs, factors: f, customerFactors, designFactors }
}

function coldStart(factors: Float64Array, ids: string[], designs: ReadonlyMap<string, Design>, rows: Rows, f: number): void {
  const keys = (d: Design) => [`${d.category}|${d.metal}|${d.purity}`, `${d.category}|${d.metal}`, d.category]
  const sums = new Map<string, { v: Float64Array; n: number }>()
  const warm = (row: number) => rows.start[row + 1] > rows.start[row]
  ids.forEach((id, row) => {
    if (warm(row)) {
      for (const key of keys(designs.get(id)!)) {
        const s = sums.get(key) ?? { v: new Float64Array(f), n: 0 }
        for (let i = 0; i < f; i++) {
          s.v[i] += factors[row * f + i]
        }
        s.n++
        sums.set(key, s)
      }
    }
  })
  ids.forEach((id, row) => {
    if (!warm(row)) {
      const like = keys(designs.get(id)!).map((k) => sums.get(k)).find(Boolean)
      for (let i = 0; i < f; i++) {
        factors[row * f + i] = like ? like.v[i] / like.n : 0
      }
    }
  })
}

/** The trained designs as the scoring reads them, by the model's column. */
export type DesignColumns = {
  ids: string[]
  designs: Design[]
  /** The designs' attributes encoded once (encodeDesigns), for the affinity of every design at once. */
  encoded: EncodedDesigns
  factors: Float64Array
  f: number
  /** Each design's popularity as a tie-breaker: 1/1000 of its share of the most popular design's interest. */
  popular: Float64Array
}

/** A customer as the scoring takes them: their factors, and their attribute shares. */
export type ScoredCustomer = { factors: Float64Array; affinity: Affinity | undefined }

/** Customers whose dot products are worked out together in one pass over the design factors. */
const BLOCK = 4

/**
 * A customer's top `k` designs under the model: their attribute affinity (what kind of piece, metal, purity and
 * price) plus the factorisation's score scaled to their best design and weighted by `collaborative_weight` (who
 * bought what with what), popularity breaking what is still tied.
 */
export function scoreDesigns(columns: DesignColumns, customer: Float64Array, affinity: Affinity | undefined, collaborativeWeight: number, k: number): ScoredDesign[] {
  return scoreCustomers(columns, [{ factors: customer, affinity }], collaborativeWeight, k)[0]
}

/**
 * Every customer's top `k` designs (scoreDesigns), four customers at a time: scoring every customer after a
 * training is most of the training's time (docs/benchmarks.md, "The preference model on the bench database"), and
 * most of that the dot products, which read each design's factors once for four customers rather than once each.
 */
export function scoreCustomers(columns: DesignColumns, customers: readonly ScoredCustomer[], collaborativeWeight: number, k: number): ScoredDesign[][] {
  const { f, factors, popular } = columns
  const count = columns.ids.length
  const { block, dots, scores } = scratchOf(columns)
  const lists: ScoredDesign[][] = []
  for (let first = 0; first < customers.length; first += BLOCK) {
    const size = Math.min(BLOCK, customers.length - first)
    // The block's factors side by side; a block short of four is padded with customers of no factors.
    block.fill(0)
    for (let c = 0; c < size; c++) {
      block.set(customers[first + c].factors, c * f)
    }
    for (let col = 0, at = 0; col < count; col++, at += f) {
      let d0 = 0
      let d1 = 0
      let d2 = 0
      let d3 = 0
      for (let i = 0; i < f; i++) {
        const x = factors[at + i]
        d0 += block[i] * x
        d1 += block[f + i] * x
        d2 += block[2 * f + i] * x
        d3 += block[3 * f + i] * x
      }
      dots[col] = d0
      dots[count + col] = d1
      dots[2 * count + col] = d2
      dots[3 * count + col] = d3
    }
    for (let c = 0; c < size; c++) {
      const from = c * count
      let best = 0
      for (let col = 0; col < count; col++) {
        const dot = dots[from + col]
        const magnitude = dot < 0 ? -dot : dot
        if (magnitude > best) {
          best = magnitude
        }
      }
      affinityScores(columns.encoded, customers[first + c].affinity, scores)
      for (let col = 0; col < count; col++) {
        scores[col] = scores[col] + (best > 0 ? (collaborativeWeight * dots[from + col]) / best : 0) + popular[col]
      }
      lists.push(topKOfScores(columns.ids, scores, k))
    }
  }
  return lists
}

type Scratch = { block: Float64Array; dots: Float64Array; scores: Float64Array }

/** Working space for scoring customers against a model's designs, reused from block to block. */
const scratch = new WeakMap<DesignColumns, Scratch>()
function scratchOf(columns: DesignColumns): Scratch {
  let space = scratch.get(columns)
  if (!space) {
    const count = columns.ids.length
    space = { block: new Float64Array(BLOCK * columns.f), dots: new Float64Array(BLOCK * count), scores: new Float64Array(count) }
    scratch.set(columns, space)
  }
  return space
}

/** The model trained, its designs as scored, and it as a recommender (a customer the model never saw gets the popular designs). */
export function trainAlsRecommender(
  training: TrainingSet,
  parameters: Partial<AlsParameters> = {}
): { recommender: Recommender; columns: DesignColumns; popularity: Map<string, number>; affinities: Map<string, Affinity> } {
  const p = { ...ALS_DEFAULTS, ...parameters }
  const model = trainAls(training, p)
  const customerRow = new Map(model.customers.map((c, i) => [c, i]))
  const affinities = customerAffinities(training)
  const popularity = designPopularity(training)
  const designs = model.designs.map((d) => training.designs.get(d)!)
  const columns: DesignColumns = {
    ids: model.designs,
    designs,
    encoded: encodeDesigns(designs),
    factors: model.designFactors,
    f: model.factors,
    popular: tieBreakers(model.designs, popularity),
  }
  const f = model.factors
  const popular = popularList(training.designs.keys(), popularity)
  const recommender: Recommender = {
    name: "preference model",
    scored: (customerId, k) => {
      const row = customerRow.get(customerId)
      if (row === undefined) {
        return popular(k)
      }
      return scoreDesigns(columns, model.customerFactors.subarray(row * f, (row + 1) * f), affinities.get(customerId), p.collaborative_weight, k)
    },
    scoredEach: (customerIds, k) => {
      const known = customerIds.filter((id) => customerRow.has(id))
      const lists = scoreCustomers(
        columns,
        known.map((id) => {
          const row = customerRow.get(id)!
          return { factors: model.customerFactors.subarray(row * f, (row + 1) * f), affinity: affinities.get(id) }
        }),
        p.collaborative_weight,
        k
      )
      let next = 0
      return customerIds.map((id) => (customerRow.has(id) ? lists[next++] : popular(k)))
    },
  }
  return { recommender, columns, popularity, affinities }
}

/** The model as a recommender, for the evaluation beside the baselines. */
export function alsRecommender(parameters: Partial<AlsParameters> = {}): RecommenderFactory {
  return (training) => trainAlsRecommender(training, parameters).recommender
}
