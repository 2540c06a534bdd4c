import type { MiddlewareRoute } from "@medusajs/framework/http"
import { NoBody, validateBody, validateQuery } from "../../utils/validation"
import {
  CreateCampaignBody,
  CreateSegmentBody,
  ListCampaignsQuery,
  ListOffersQuery,
  ListSegmentsQuery,
  SegmentPreviewBody,
  UpdateCampaignBody,
} from "./validators"

export const adminOfferRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/offers/segments/preview", methods: ["POST"], middlewares: [validateBody(SegmentPreviewBody)] },
  { matcher: "/admin/offers/segments", methods: ["GET"], middlewares: [validateQuery(ListSegmentsQuery, {})] },
  { matcher: "/admin/offers/segments", methods: ["POST"], middlewares: [validateBody(CreateSegmentBody)] },
  { matcher: "/admin/offers/campaigns", methods: ["GET"], middlewares: [validateQuery(ListCampaignsQuery, {})] },
  { matcher: "/admin/offers/campaigns", methods: ["POST"], middlewares: [validateBody(CreateCampaignBody)] },
  { matcher: "/admin/offers/campaigns/:id", methods: ["POST"], middlewares: [validateBody(UpdateCampaignBody)] },
  { matcher: "/admin/offers/campaigns/:id/run", methods: ["POST"], middlewares: [validateBody(NoBody)] },
  { matcher: "/admin/offers/campaigns/:id/cancel", methods: ["POST"], middlewares: [validateBody(NoBody)] },
  { matcher: "/admin/offers/campaigns/:id/offers", methods: ["GET"], middlewares: [validateQuery(ListOffersQuery, {})] },
  { matcher: "/admin/offers/offers", methods: ["GET"], middlewares: [validateQuery(ListOffersQuery, {})] },
  { matcher: "/admin/offers/facts/refresh", methods: ["POST"], middlewares: [validateBody(NoBody)] },
]
