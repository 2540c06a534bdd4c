import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseRespelledPath, refuseUnstorableInput } from "../utils/input-guards"

/**
 * Before every route (ours and Medusa's): input nothing can store or look up
 * is answered 400, a path spelled other than plainly 404.
 */
export const inputGuardRoutes: MiddlewareRoute[] = ["/admin*", "/store*", "/auth*", "/hooks*", "/documents*"].map((matcher) => ({
  matcher,
  middlewares: [refuseUnstorableInput, refuseRespelledPath],
}))
