import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { withoutCertificates } from "../../lib/jewelry-attributes"
import { NoBody, validateBody, validateQuery } from "../utils/validation"
import { ImportQuery, PostJewelryAttributesBody, PostJewelryProductBody, PriceBreakdownQuery, RepriceJobsQuery } from "../utils/jewelry"
import { CurrentMetalRatesQuery, MetalRateHistoryQuery, PostMetalRatesBody } from "../utils/metal-rates"

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

export const jewelryRoutes: MiddlewareRoute[] = [
  {
    // The body is the CSV file itself, read by the route.
    matcher: "/admin/jewelry/import",
    methods: ["POST"],
    bodyParser: false,
    middlewares: [validateQuery(ImportQuery, {})],
  },
  {
    matcher: "/admin/jewelry/products",
    methods: ["POST"],
    middlewares: [validateBody(PostJewelryProductBody)],
  },
  {
    // Lets storefronts ask for a piece's attributes and price breakdown with
    // the products: ?fields=*variants.jewelry_attributes
    matcher: "/store/products*",
    methods: ["GET"],
    middlewares: [allowJewelryFieldsOnStoreProducts],
  },
  {
    matcher: "/admin/jewelry/variants/:id/attributes",
    methods: ["POST"],
    middlewares: [validateBody(PostJewelryAttributesBody)],
  },
  {
    matcher: "/admin/jewelry/reprice-jobs",
    methods: ["GET"],
    middlewares: [validateQuery(RepriceJobsQuery, {})],
  },
  { matcher: "/admin/jewelry/reprice-jobs", methods: ["POST"], middlewares: [validateBody(NoBody)] },
  {
    matcher: "/store/jewelry/variants/:id/price-breakdown",
    methods: ["GET"],
    middlewares: [validateQuery(PriceBreakdownQuery, {})],
  },
  {
    matcher: "/admin/metal-rates",
    methods: ["GET"],
    middlewares: [validateQuery(CurrentMetalRatesQuery, {})],
  },
  {
    matcher: "/admin/metal-rates",
    methods: ["POST"],
    middlewares: [validateBody(PostMetalRatesBody)],
  },
  {
    matcher: "/admin/metal-rates/history",
    methods: ["GET"],
    middlewares: [validateQuery(MetalRateHistoryQuery, {})],
  },
  {
    matcher: "/store/metal-rates",
    methods: ["GET"],
    middlewares: [validateQuery(CurrentMetalRatesQuery.omit({ at: true }), {})],
  },
]
