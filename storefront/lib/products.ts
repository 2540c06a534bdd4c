import type { CataloguePiece } from "./catalogue"
import { storeApi } from "./medusa"

type Breakdown = { invoice_total: number; net_weight_mg: number }
type Attributes = {
  metal: string
  purity: number
  gross_weight_mg: number
  net_weight_mg: number
  stone_weight_mg: number
  huid: string | null
  tag_code: string | null
  hallmark_date: string | null
  stones: { type: string; count?: number; carats?: number }[] | null
  occasion: string | null
  size: string | null
  breakdown: Breakdown | null
}
export type StoreVariant = { id: string; title: string; inventory_quantity?: number | null; jewelry_attributes?: Attributes | null }
export type StoreProduct = {
  id: string
  title: string
  handle: string
  description: string | null
  thumbnail: string | null
  created_at: string
  images?: { url: string }[]
  categories?: { handle: string; name: string }[]
  variants?: StoreVariant[]
}

const FIELDS = "id,title,handle,description,thumbnail,created_at,*images,*categories,*variants.jewelry_attributes"
/** Stock is counted per sales channel: Medusa answers it only for one branch's channel at a time. */
const STOCK_FIELDS = `${FIELDS},+variants.inventory_quantity`

/** How a piece is named in a list: its tag, as on the label in the shop. */
export const pieceLabel = (variant: StoreVariant): string => variant.jewelry_attributes?.tag_code || variant.title || variant.id

/** The rupees a customer pays for a piece, GST included, as last priced (paise in the stored breakdown). */
export const pieceTotal = (variant: StoreVariant): number | null => {
  const paise = variant.jewelry_attributes?.breakdown?.invoice_total
  return typeof paise === "number" ? paise / 100 : null
}

/**
 * The shop's published catalogue: every page of Medusa's product list, as
 * cards the filters read; with a branch's sales channel, with the stock
 * there (`in_stock`), else every piece counts as available to order.
 */
export async function catalogue(salesChannelId?: string): Promise<(CataloguePiece & { product: StoreProduct })[]> {
  const api = storeApi()
  const products: StoreProduct[] = []
  for (let offset = 0; ; offset += 100) {
    const page = await api.store.product.list(
      salesChannelId ? { fields: STOCK_FIELDS, sales_channel_id: [salesChannelId], limit: 100, offset } : { fields: FIELDS, limit: 100, offset }
    )
    products.push(...(page.products as unknown as StoreProduct[]))
    if (products.length >= page.count || !page.products.length) {
      break
    }
  }
  return products.map((product) => asCard(product, !!salesChannelId))
}

/** The shop's newest designs, for the home page: one read of `limit` products, newest first. */
export async function newestPieces(limit: number): Promise<(CataloguePiece & { product: StoreProduct })[]> {
  const page = await storeApi().store.product.list({ fields: FIELDS, limit, order: "-created_at" })
  return (page.products as unknown as StoreProduct[]).map((product) => asCard(product, false))
}

/** A design as the catalogue's card: its lowest-priced piece's metal, purity, weight and price. */
function asCard(product: StoreProduct, stockCounted: boolean): CataloguePiece & { product: StoreProduct } {
  const variants = product.variants ?? []
  const priced = variants.filter((v) => pieceTotal(v) !== null)
  const cheapest = [...priced].sort((a, b) => pieceTotal(a)! - pieceTotal(b)!)[0] ?? variants[0]
  const attributes = cheapest?.jewelry_attributes
  return {
    product,
    handle: product.handle,
    title: product.title,
    category_handles: (product.categories ?? []).map((c) => c.handle),
    metal: attributes?.metal ?? null,
    purity: attributes?.purity ?? null,
    price: cheapest ? pieceTotal(cheapest) : null,
    net_weight_g: attributes ? attributes.net_weight_mg / 1000 : null,
    in_stock: stockCounted ? variants.some((v) => (v.inventory_quantity ?? 0) > 0) : true,
    created_at: product.created_at,
  }
}

export async function productByHandle(handle: string, salesChannelId?: string): Promise<StoreProduct | undefined> {
  const { products } = await storeApi().store.product.list(
    salesChannelId ? { handle, fields: STOCK_FIELDS, sales_channel_id: [salesChannelId], limit: 1 } : { handle, fields: FIELDS, limit: 1 }
  )
  return (products as unknown as StoreProduct[])[0]
}
