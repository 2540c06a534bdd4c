import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { ListPreferenceModelsQuery, RollbackPreferenceModelBody } from "./validators"

export const adminPreferencesRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/preferences/models", methods: ["GET"], middlewares: [validateQuery(ListPreferenceModelsQuery, {})] },
  { matcher: "/admin/preferences/models/rollback", methods: ["POST"], middlewares: [validateBody(RollbackPreferenceModelBody)] },
]
