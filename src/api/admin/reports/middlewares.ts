import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { CustomerReportQuery, SalesExportQuery, SalesReportQuery, StockReportQuery } from "./validators"

export const adminReportRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/reports/sales", methods: ["GET"], middlewares: [validateQuery(SalesReportQuery, {})] },
  { matcher: "/admin/reports/sales/export", methods: ["GET"], middlewares: [validateQuery(SalesExportQuery, {})] },
  { matcher: "/admin/reports/stock", methods: ["GET"], middlewares: [validateQuery(StockReportQuery, {})] },
  { matcher: "/admin/reports/customers", methods: ["GET"], middlewares: [validateQuery(CustomerReportQuery, {})] },
]
