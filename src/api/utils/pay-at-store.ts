import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { storefrontProviderRefusal, storefrontProviders } from "../../lib/paid-orders"

type RegionRow = { id: string; name: string; metadata: Record<string, unknown> | null }

async function regionOf(scope: MedusaContainer, regionId: string): Promise<RegionRow | null> {
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "region", fields: ["id", "name", "metadata"], filters: { id: regionId } })
  return (data[0] as RegionRow | undefined) ?? null
}

/**
 * In front of Medusa's GET /store/payment-providers: the storefront is not
 * offered the system provider (it takes no money) unless the owner switched
 * on "pay at the store" for the region (region metadata `pay_at_store`),
 * and then it is labelled "Pay at the store"; the counter's tenders are
 * never offered (src/lib/paid-orders).
 */
export async function storefrontPaymentProviders(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const regionId = req.query.region_id
    if (regionId === undefined) {
      // Medusa answers that region_id is required.
      return next()
    }
    if (typeof regionId !== "string") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "region_id is one region's id")
    }
    const metadata = (await regionOf(req.scope, regionId))?.metadata ?? null
    const json = res.json.bind(res)
    res.json = (body: unknown) => {
      const answer = body as { payment_providers?: { id: string }[]; count?: number } | null
      if (!answer || !Array.isArray(answer.payment_providers)) {
        return json(body)
      }
      const offered = storefrontProviders(answer.payment_providers, metadata)
      const hidden = answer.payment_providers.length - offered.length
      return json({ ...answer, payment_providers: offered, count: Math.max(0, (answer.count ?? answer.payment_providers.length) - hidden) })
    }
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * In front of Medusa's POST /store/payment-collections/:id/payment-sessions:
 * a session with the system provider is refused (400, saying why) unless
 * the collection's cart is in a region offering "pay at the store"; one
 * with a counter tender always. Medusa checks the rest (the provider is
 * enabled in the cart's region).
 */
export async function refuseStorefrontProvider(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const providerId = (req.body as { provider_id?: unknown } | undefined)?.provider_id
    if (typeof providerId !== "string") {
      return next()
    }
    const { data } = await req.scope
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "payment_collection", fields: ["id", "cart.region_id"], filters: { id: req.params.id } })
    const regionId = (data[0] as { cart?: { region_id?: string | null } | null } | undefined)?.cart?.region_id
    const region = regionId ? await regionOf(req.scope, regionId) : null
    const refusal = storefrontProviderRefusal(providerId, region)
    if (refusal) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
    }
    next()
  } catch (e) {
    next(e)
  }
}

/** Pay at the store only where the owner offers it (docs/security.md, "Value only for paid orders"). */
export const payAtStoreRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/payment-providers", methods: ["GET"], middlewares: [storefrontPaymentProviders] },
  { matcher: "/store/payment-collections/:id/payment-sessions", methods: ["POST"], middlewares: [refuseStorefrontProvider] },
]
