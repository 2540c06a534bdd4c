import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { ImportQuery, PostJewelryAttributesBody, PostJewelryProductBody, PriceBreakdownQuery, RepriceJobsQuery } from "../utils/jewelry"
import { CurrentMetalRatesQuery, MetalRateHistoryQuery, PostMetalRatesBody } from "../utils/metal-rates"

function allowJewelryFieldsOnStoreProducts(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  req.allowed = [...(req.allowed ?? []), "variants.jewelry_attributes"]
  next()
}

export const jewelryRoutes: MiddlewareRoute[] = [
  {
    // The body is the CSV file itself, read by the route.
    matcher: "/admin/jewelry/import",
    methods: ["POST"],
    bodyParser: false,
    middlewares: [validateAndTransformQuery(ImportQuery, {})],
  },
  {
    matcher: "/admin/jewelry/products",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostJewelryProductBody)],
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
    middlewares: [validateAndTransformBody(PostJewelryAttributesBody)],
  },
  {
    matcher: "/admin/jewelry/reprice-jobs",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(RepriceJobsQuery, {})],
  },
  {
    matcher: "/store/jewelry/variants/:id/price-breakdown",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(PriceBreakdownQuery, {})],
  },
  {
    matcher: "/admin/metal-rates",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(CurrentMetalRatesQuery, {})],
  },
  {
    matcher: "/admin/metal-rates",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostMetalRatesBody)],
  },
  {
    matcher: "/admin/metal-rates/history",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(MetalRateHistoryQuery, {})],
  },
  {
    matcher: "/store/metal-rates",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(CurrentMetalRatesQuery.omit({ at: true }), {})],
  },
]
