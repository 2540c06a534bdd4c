import { authenticate, type MedusaNextFunction, type MedusaRequest, type MedusaResponse, type MiddlewareRoute } from "@medusajs/framework/http"
import { withoutCertificates } from "../../../lib/jewelry-attributes"
import { validateQuery } from "../../utils/validation"
import { PriceBreakdownQuery } from "./validators"

/**
 * Lets storefronts ask for a piece's attributes with its product
 * (`?fields=*variants.jewelry_attributes`), never its certificate: that is
 * taken out of the answer, whatever `fields` asked for.
 */
function allowJewelryFieldsOnStoreProducts(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  req.allowed = [...(req.allowed ?? []), "variants.jewelry_attributes"]
  const json = res.json.bind(res)
  res.json = ((body: unknown) => json(withoutCertificates(body))) as typeof res.json
  next()
}

export const storeJewelryRoutesMiddlewares: MiddlewareRoute[] = [
  // Medusa's product routes: a piece's attributes and price breakdown with the products.
  { matcher: "/store/products*", methods: ["GET"], middlewares: [allowJewelryFieldsOnStoreProducts] },
  { matcher: "/store/jewelry/variants/:id/price-breakdown", methods: ["GET"], middlewares: [validateQuery(PriceBreakdownQuery, {})] },
  { matcher: "/store/jewelry/variants/:id/certificate", methods: ["GET"], middlewares: [authenticate("customer", ["session", "bearer"])] },
]
