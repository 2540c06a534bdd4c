import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PIECE_OPTION } from "../../../lib/design-products"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { normalizeHuid } from "../../../lib/jewelry-attributes"
import { amountToPaise } from "../../../lib/money"
import { splitLocations, splitProblem } from "../../../lib/piece-stock"
import type { Metal, StoneLine } from "../../../lib/pricing"
import { normalTag } from "../../../lib/stock-moves"
import { JEWELRY_MODULE } from "../../../modules/jewelry"
import type JewelryModuleService from "../../../modules/jewelry/service"
import type { StockMove } from "../../stock/steps/move-branch-stock"
import type { DesignAddition } from "../workflows/add-pieces-to-designs"
import type { PieceCostLine } from "./record-piece-costs"
import type { StockLine } from "./stock-new-pieces"

/** A new article split off a tag: its own tag and HUID, and its weights when they differ from the tag's. */
export type SplitArticle = { tag_code: string; huid?: string | null; gross_weight_mg?: number; net_weight_mg?: number }

export type PieceSplitPlan = {
  tag_code: string
  variant_id: string
  product_id: string
  /** The tag's articles leaving its stock, one a new tag. */
  moves: StockMove[]
  /** The new tags' variants, in the tag's product. */
  addition: DesignAddition
  /** Each new tag in stock where its article is. */
  stock: StockLine[]
  costs: PieceCostLine[]
  keeps_location_id: string
}

type VariantRow = {
  id: string
  product_id: string
  title: string | null
  options?: { value: string; option?: { title: string } | null }[]
  product?: { options?: { id: string; title: string }[] } | null
  inventory_items?: { inventory_item_id: string }[]
  price_set?: { prices?: { amount: number; currency_code: string }[] } | null
}

/**
 * Reads a tag holding several articles and plans its split (piece-stock.ts, splitProblem): its product must
 * tell pieces apart by a Piece option; each new tag copies the tag's attributes, options and cost, with its own
 * tag, HUID and weights, at the place of one article. Reads only: 404 for an unknown tag, 400/409 naming the problem.
 */
export const preparePieceSplitStep = createStep("prepare-piece-split", async (input: { tag_code: string; articles: SplitArticle[] }, { container }) => {
  const tag = normalTag(input.tag_code)
  const jewelry = container.resolve<JewelryModuleService>(JEWELRY_MODULE)
  const [attributes] = await jewelry.listJewelryAttributes({ tag_code: tag })
  if (!attributes) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No piece has the tag code ${tag}`)
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "jewelry_attributes",
    fields: [
      "product_variant.id",
      "product_variant.product_id",
      "product_variant.title",
      "product_variant.options.value",
      "product_variant.options.option.title",
      "product_variant.product.options.id",
      "product_variant.product.options.title",
      "product_variant.inventory_items.inventory_item_id",
      "product_variant.price_set.prices.amount",
      "product_variant.price_set.prices.currency_code",
    ],
    filters: { id: attributes.id },
  })
  const variant = (data[0] as { product_variant?: VariantRow | null } | undefined)?.product_variant
  const itemId = variant?.inventory_items?.[0]?.inventory_item_id
  if (!variant || !itemId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `The piece ${tag} has no variant with stock`)
  }
  const levels = (await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: itemId }, { select: ["location_id", "stocked_quantity"] }))
    .map((l) => ({ location_id: l.location_id, stocked_quantity: Number(l.stocked_quantity) }))
    .sort((a, b) => a.location_id.localeCompare(b.location_id))
  const inStock = levels.reduce((n, l) => n + Math.max(0, l.stocked_quantity), 0)
  const articles = input.articles.map((a) => ({ ...a, tag_code: normalTag(a.tag_code), huid: a.huid ? normalizeHuid(a.huid) : null }))
  const problem = splitProblem({ tag_code: tag, stock_unit: attributes.stock_unit as "piece" | "count", hallmarked: !!attributes.huid, in_stock: inStock }, articles)
  if (problem) {
    throw new MedusaError(problem.includes("give") ? MedusaError.Types.INVALID_DATA : MedusaError.Types.CONFLICT, problem, DOMAIN_CONFLICT)
  }
  const options = variant.product?.options ?? []
  if (!options.some((o) => o.title.toLowerCase() === PIECE_OPTION.toLowerCase())) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `${tag}'s product has no "${PIECE_OPTION}" option to tell its articles apart; add the option in the admin, then split the tag`,
      DOMAIN_CONFLICT
    )
  }
  const valueOf = (title: string) => (variant.options ?? []).find((o) => o.option?.title === title)?.value ?? ""
  const where = splitLocations(levels)
  const [cost] = await jewelry.listPieceCosts({ variant_id: variant.id }, { select: ["cost_paise"] })
  // What the articles share: the tag's metal, make and design; not its tag, HUID, hallmark date or certificate (each article's own).
  const shared = {
    metal: attributes.metal as Metal,
    purity: attributes.purity,
    stone_weight_mg: attributes.stone_weight_mg,
    stones: (attributes.stones ?? []) as unknown as StoneLine[],
    making_type: attributes.making_type,
    making_value: attributes.making_value,
    wastage_bp: attributes.wastage_bp,
    other_charges_paise: attributes.other_charges_paise,
    hsn: attributes.hsn,
    stock_unit: "piece" as const,
    design_code: attributes.design_code,
    size: attributes.size,
    gender: attributes.gender,
    occasion: attributes.occasion,
    collection: attributes.collection,
    pricing_mode: attributes.pricing_mode,
    // A fixed-price tag's articles keep its price; rate-based ones are priced afresh from today's rates.
    ...(attributes.pricing_mode === "fixed" ? { fixed_price_paise: amountToPaise(variant.price_set?.prices?.find((p) => p.currency_code === "inr")?.amount) } : {}),
  }
  const addition: DesignAddition = {
    product_id: variant.product_id,
    options,
    variants: articles.map((article) => ({
      ...shared,
      gross_weight_mg: article.gross_weight_mg ?? attributes.gross_weight_mg,
      net_weight_mg: article.net_weight_mg ?? attributes.net_weight_mg,
      tag_code: article.tag_code,
      huid: article.huid,
      sku: article.tag_code,
      title: article.tag_code,
      options: Object.fromEntries(options.map((o) => [o.title, o.title.toLowerCase() === PIECE_OPTION.toLowerCase() ? article.tag_code : valueOf(o.title)])),
    })),
  }
  const moved = new Map<string, number>()
  where.articles.forEach((location) => moved.set(location, (moved.get(location) ?? 0) + 1))
  return new StepResponse<PieceSplitPlan>({
    tag_code: tag,
    variant_id: variant.id,
    product_id: variant.product_id,
    keeps_location_id: where.keeps,
    moves: [...moved].map(([location_id, n]) => ({ tag_code: tag, inventory_item_id: itemId, location_id, quantity: -n })),
    addition,
    stock: articles.map((a, i) => ({ sku: a.tag_code, location_id: where.articles[i], quantity: 1 })),
    costs: cost ? articles.map((a) => ({ sku: a.tag_code, cost_paise: Number(cost.cost_paise) })) : [],
  })
})
