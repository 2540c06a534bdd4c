import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import {
  CreateNewArrivalListBody,
  LikelyBuyersQuery,
  ListNewArrivalListsQuery,
  ListPreferenceModelsQuery,
  RollbackPreferenceModelBody,
} from "./validators"

export const adminPreferencesRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/preferences/models", methods: ["GET"], middlewares: [validateQuery(ListPreferenceModelsQuery, {})] },
  { matcher: "/admin/preferences/models/rollback", methods: ["POST"], middlewares: [validateBody(RollbackPreferenceModelBody)] },
  { matcher: "/admin/preferences/new-arrivals", methods: ["GET"], middlewares: [validateQuery(ListNewArrivalListsQuery, {})] },
  { matcher: "/admin/preferences/new-arrivals", methods: ["POST"], middlewares: [validateBody(CreateNewArrivalListBody)] },
  { matcher: "/admin/preferences/pieces/:variant_id/likely-buyers", methods: ["GET"], middlewares: [validateQuery(LikelyBuyersQuery, {})] },
]
