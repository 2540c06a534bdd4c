import { authenticate, validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { CreateCampaignBody, CreateSegmentBody, EmptyBody, ListCampaignsQuery, ListOffersQuery, ListSegmentsQuery, UpdateCampaignBody } from "../utils/offers"
import { SegmentPreviewBody } from "../utils/segment-preview"

export const offerRoutes: MiddlewareRoute[] = [
  { matcher: "/admin/offers/segments/preview", methods: ["POST"], middlewares: [validateAndTransformBody(SegmentPreviewBody)] },
  { matcher: "/admin/offers/segments", methods: ["GET"], middlewares: [validateAndTransformQuery(ListSegmentsQuery, {})] },
  { matcher: "/admin/offers/segments", methods: ["POST"], middlewares: [validateAndTransformBody(CreateSegmentBody)] },
  { matcher: "/admin/offers/campaigns", methods: ["GET"], middlewares: [validateAndTransformQuery(ListCampaignsQuery, {})] },
  { matcher: "/admin/offers/campaigns", methods: ["POST"], middlewares: [validateAndTransformBody(CreateCampaignBody)] },
  { matcher: "/admin/offers/campaigns/:id", methods: ["POST"], middlewares: [validateAndTransformBody(UpdateCampaignBody)] },
  { matcher: "/admin/offers/campaigns/:id/run", methods: ["POST"], middlewares: [validateAndTransformBody(EmptyBody)] },
  { matcher: "/admin/offers/campaigns/:id/cancel", methods: ["POST"], middlewares: [validateAndTransformBody(EmptyBody)] },
  { matcher: "/admin/offers/campaigns/:id/offers", methods: ["GET"], middlewares: [validateAndTransformQuery(ListOffersQuery, {})] },
  { matcher: "/admin/offers/offers", methods: ["GET"], middlewares: [validateAndTransformQuery(ListOffersQuery, {})] },
  { matcher: "/admin/offers/facts/refresh", methods: ["POST"], middlewares: [validateAndTransformBody(EmptyBody)] },
  {
    matcher: "/store/customers/me/offers",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
