import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import {
  SchemeEnrolmentBody,
  SchemeEnrolmentsQuery,
  SchemeInstalmentBody,
  SchemeLiabilityQuery,
  SchemePaymentLinkBody,
  SchemeTemplateBody,
  SchemeTemplatesQuery,
  SchemeTemplateUpdateBody,
} from "./validators"

export const adminSchemesRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/schemes/templates", methods: ["GET"], middlewares: [validateQuery(SchemeTemplatesQuery, {})] },
  { matcher: "/admin/schemes/templates", methods: ["POST"], middlewares: [validateBody(SchemeTemplateBody)] },
  { matcher: "/admin/schemes/templates/:id", methods: ["POST"], middlewares: [validateBody(SchemeTemplateUpdateBody)] },
  { matcher: "/admin/schemes/enrolments", methods: ["GET"], middlewares: [validateQuery(SchemeEnrolmentsQuery, {})] },
  { matcher: "/admin/schemes/enrolments", methods: ["POST"], middlewares: [validateBody(SchemeEnrolmentBody)] },
  { matcher: "/admin/schemes/enrolments/:id/instalments", methods: ["POST"], middlewares: [validateBody(SchemeInstalmentBody)] },
  { matcher: "/admin/schemes/enrolments/:id/payment-link", methods: ["POST"], middlewares: [validateBody(SchemePaymentLinkBody)] },
  { matcher: "/admin/schemes/liability", methods: ["GET"], middlewares: [validateQuery(SchemeLiabilityQuery, {})] },
]
