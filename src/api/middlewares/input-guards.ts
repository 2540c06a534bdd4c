import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseRespelledPath, refuseUnstorableInput } from "../utils/input-guards"
import { refuseMedusaRouteGaps } from "../utils/medusa-route-gaps"

/**
 * Before every route (ours and Medusa's): input nothing can store or look up
 * is answered 400, a path spelled other than plainly 404.
 */
export const inputGuardRoutes: MiddlewareRoute[] = ["/admin*", "/store*", "/auth*", "/hooks*", "/documents*"].map((matcher) => ({
  matcher,
  middlewares: [refuseUnstorableInput, refuseRespelledPath],
}))
  // After authentication (Medusa's, which runs first), before Medusa's route middlewares.
  .concat([{ matcher: "/admin*", middlewares: [refuseMedusaRouteGaps] }, { matcher: "/store*", middlewares: [refuseMedusaRouteGaps] }])
