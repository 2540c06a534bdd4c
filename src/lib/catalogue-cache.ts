/**
 * What the catalogue's cached reads are tagged with, and how they are
 * cleared (docs/architecture.md#caching). Medusa's Caching Module tags the
 * product and variant lists it caches with `<Entity>:list:*` and clears
 * those itself on its modules' events; repricing writes prices and
 * breakdowns in set-based SQL, which emits none, so the subscriber on reprice
 * jobs clears them (src/subscribers/cache-on-prices.ts).
 */
import type { ICachingModuleService, MedusaContainer } from "@medusajs/framework/types"
import { FeatureFlag, Modules } from "@medusajs/framework/utils"

/**
 * Everything that shows a price or a breakdown: Medusa's cached product and
 * variant lists (GET /store/products, /store/product-variants, with their
 * calculated prices and jewellery attributes) and our price breakdowns,
 * which carry the same tags so that Medusa's own invalidation (a product
 * unpublished, attributes edited) reaches them too.
 */
export const CATALOGUE_PRICE_TAGS = ["Product:list:*", "ProductVariant:list:*", "JewelryAttributes:list:*"]

/** The day's metal rates as the storefront reads them. */
export const METAL_RATES_TAG = "MetalRate:list:*"

/** The Caching Module when caching is on (the `caching` feature flag, set in medusa-config.ts). */
export function cachingModule(container: MedusaContainer): ICachingModuleService | undefined {
  if (!FeatureFlag.isFeatureEnabled("caching")) {
    return undefined
  }
  return container.resolve<ICachingModuleService | undefined>(Modules.CACHING, { allowUnregistered: true }) ?? undefined
}

/** Drops every cached entry carrying one of `tags`. */
export async function clearCached(container: MedusaContainer, tags: string[]): Promise<void> {
  await cachingModule(container)?.clear({ tags })
}

/**
 * Read-through with a TTL chosen from the value: `compute` returns the value
 * and how long it stays true (e.g. until a rate published for later takes
 * effect). Medusa's `useCache` takes the TTL up front, hence this.
 */
export async function readThrough<T extends object>(
  container: MedusaContainer,
  key: string,
  tags: string[],
  compute: () => Promise<{ value: T; ttl?: number }>
): Promise<T> {
  const caching = cachingModule(container)
  if (!caching) {
    return (await compute()).value
  }
  const hit = (await caching.get({ key })) as T | null
  if (hit) {
    return hit
  }
  const { value, ttl } = await compute()
  await caching.set({ key, data: value as object, tags, ttl })
  return value
}
