import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { AddKarigarBody, ListKarigarsQuery, UpdateKarigarBody } from "./validators"

export const adminKarigarRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/karigars", methods: ["GET"], middlewares: [validateQuery(ListKarigarsQuery, {})] },
  { matcher: "/admin/karigars", methods: ["POST"], middlewares: [validateBody(AddKarigarBody)] },
  { matcher: "/admin/karigars/:id", methods: ["POST"], middlewares: [validateBody(UpdateKarigarBody)] },
]
