import { storeApi } from "./medusa"

export type ShopRate = { metal: string; purity: number; karat: string | null; rate_per_g: number; branch_id: string | null; effective_from: string }
export type ShopBranch = {
  id: string
  code: string
  name: string
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  postal_code?: string | null
  phone?: string | null
  sales_channel?: { id: string } | null
}
export type ShopCategory = { id: string; name: string; handle: string }

/** The shop's name as `npm start` passes it (the store's name in the admin). */
export async function shopName(): Promise<string> {
  return process.env.SHOP_NAME || "Jewellery shop"
}

/** Today's rates, shop-wide, with a branch's own where it sets them. */
export async function todaysRates(branchId?: string): Promise<ShopRate[]> {
  const query = branchId ? { branch_id: branchId } : {}
  const { rates } = await storeApi().client.fetch<{ rates: ShopRate[] }>("/store/metal-rates", { query })
  // A branch's own rate stands in for the shop-wide one of the same metal and purity.
  const chosen = new Map<string, ShopRate>()
  for (const rate of rates) {
    const key = `${rate.metal}:${rate.purity}`
    if (!chosen.has(key) || rate.branch_id) {
      chosen.set(key, rate)
    }
  }
  const order = ["gold", "silver", "platinum"]
  return [...chosen.values()].sort((a, b) => order.indexOf(a.metal) - order.indexOf(b.metal) || b.purity - a.purity)
}

export async function branches(): Promise<ShopBranch[]> {
  const { branches } = await storeApi().client.fetch<{ branches: ShopBranch[] }>("/store/branches", { query: { limit: 50 } })
  return branches
}

export async function categories(): Promise<ShopCategory[]> {
  const { product_categories } = await storeApi().store.category.list({ fields: "id,name,handle", parent_category_id: "null", limit: 50 })
  return product_categories as ShopCategory[]
}
