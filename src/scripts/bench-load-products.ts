/**
 * Used by `npm run bench`: adds BENCH_PRODUCTS published products (default
 * 1000), each with two INR-priced variants sold in every branch, and makes
 * every variant a rate-based 22K piece (so repricing has work to do).
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { createJewelryAttributesWorkflow } from "../workflows/jewelry"

const BATCH = 100

export default async function loadBenchProducts({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const wanted = Number(process.env.BENCH_PRODUCTS ?? 1000)
  const salesChannels = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({})
  const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  const existing = await container.resolve(Modules.PRODUCT).listProducts({ handle: { $like: "bench-%" } }, { select: ["id"] })
  for (let start = existing.length; start < wanted; start += BATCH) {
    const size = Math.min(BATCH, wanted - start)
    const { result: created } = await createProductsWorkflow(container).run({
      input: {
        products: Array.from({ length: size }, (_, i) => {
          const n = start + i
          return {
            title: `Bench piece ${n}`,
            handle: `bench-${n}`,
            status: ProductStatus.PUBLISHED,
            shipping_profile_id: profile.id,
            options: [{ title: "Size", values: ["S", "L"] }],
            variants: ["S", "L"].map((size) => ({
              title: size,
              sku: `BENCH-${n}-${size}`,
              options: { Size: size },
              manage_inventory: false,
              prices: [{ currency_code: "inr", amount: 1000 + (n % 500) }],
            })),
            sales_channels: salesChannels.map((sc) => ({ id: sc.id })),
          }
        }),
      },
    })
    await createJewelryAttributesWorkflow(container).run({
      input: {
        items: created.flatMap((product, i) =>
          (product.variants ?? []).map((variant) => {
            const n = start + i
            // 2.000 g to 11.999 g of 22K gold, per-gram making.
            const net = 2000 + ((n * 37) % 10_000)
            return {
              variant_id: variant.id,
              metal: "gold" as const,
              purity: 916,
              gross_weight_mg: net,
              net_weight_mg: net,
              making_type: "per_gram" as const,
              making_value: 40_000,
              wastage_bp: 500,
              tag_code: `BENCH-${n}-${variant.sku?.slice(-1)}`,
              pricing_mode: "rate_based" as const,
            }
          })
        ),
      },
    })
    logger.info(`bench products: ${Math.min(start + size, wanted)} / ${wanted}`)
  }
}
