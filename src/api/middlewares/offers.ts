import {
  type MiddlewareRoute,
  validateAndTransformBody,
} from "@medusajs/framework/http"
import { SegmentPreviewBody } from "../utils/segment-preview"

export const offerRoutes: MiddlewareRoute[] = [
  { matcher: "/admin/offers/segments/preview", methods: ["POST"], middlewares: [validateAndTransformBody(SegmentPreviewBody)] },
]
