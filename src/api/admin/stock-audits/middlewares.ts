import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import {
  ListStockAuditsQuery,
  OpenStockAuditBody,
  StockAuditActionBody,
  StockAuditCountBody,
  StockAuditExportQuery,
  StockAuditQuery,
  StockAuditScanBody,
} from "./validators"

export const adminStockAuditRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/stock-audits", methods: ["GET"], middlewares: [validateQuery(ListStockAuditsQuery, {})] },
  { matcher: "/admin/stock-audits", methods: ["POST"], middlewares: [validateBody(OpenStockAuditBody)] },
  { matcher: "/admin/stock-audits/:id", methods: ["GET"], middlewares: [validateQuery(StockAuditQuery, {})] },
  { matcher: "/admin/stock-audits/:id/export", methods: ["GET"], middlewares: [validateQuery(StockAuditExportQuery, {})] },
  { matcher: "/admin/stock-audits/:id/scans", methods: ["POST"], middlewares: [validateBody(StockAuditScanBody)] },
  { matcher: "/admin/stock-audits/:id/scans/:tag_code", methods: ["POST"], middlewares: [validateBody(StockAuditCountBody)] },
  { matcher: "/admin/stock-audits/:id/close", methods: ["POST"], middlewares: [validateBody(StockAuditActionBody)] },
  { matcher: "/admin/stock-audits/:id/post", methods: ["POST"], middlewares: [validateBody(StockAuditActionBody)] },
  { matcher: "/admin/stock-audits/:id/cancel", methods: ["POST"], middlewares: [validateBody(StockAuditActionBody)] },
]
