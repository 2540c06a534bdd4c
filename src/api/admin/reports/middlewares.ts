import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { CounterReportQuery, CustomerExportQuery, CustomerReportQuery, LoyaltyExportQuery, LoyaltyReportQuery, MoversExportQuery, MoversReportQuery, SalesExportQuery, SalesLinesExportQuery, SalesReportQuery, StaffExportQuery, StaffReportQuery, StockExportQuery, StockHistoryQuery, StockReportQuery, TallyExportQuery } from "./validators"

export const adminReportRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/reports/sales", methods: ["GET"], middlewares: [validateQuery(SalesReportQuery, {})] },
  { matcher: "/admin/reports/sales/export", methods: ["GET"], middlewares: [validateQuery(SalesExportQuery, {})] },
  { matcher: "/admin/reports/sales/lines/export", methods: ["GET"], middlewares: [validateQuery(SalesLinesExportQuery, {})] },
  { matcher: "/admin/reports/stock", methods: ["GET"], middlewares: [validateQuery(StockReportQuery, {})] },
  { matcher: "/admin/reports/stock/export", methods: ["GET"], middlewares: [validateQuery(StockExportQuery, {})] },
  { matcher: "/admin/reports/stock/history", methods: ["GET"], middlewares: [validateQuery(StockHistoryQuery, {})] },
  { matcher: "/admin/reports/movers", methods: ["GET"], middlewares: [validateQuery(MoversReportQuery, {})] },
  { matcher: "/admin/reports/movers/export", methods: ["GET"], middlewares: [validateQuery(MoversExportQuery, {})] },
  { matcher: "/admin/reports/customers", methods: ["GET"], middlewares: [validateQuery(CustomerReportQuery, {})] },
  { matcher: "/admin/reports/customers/export", methods: ["GET"], middlewares: [validateQuery(CustomerExportQuery, {})] },
  { matcher: "/admin/reports/loyalty", methods: ["GET"], middlewares: [validateQuery(LoyaltyReportQuery, {})] },
  { matcher: "/admin/reports/loyalty/export", methods: ["GET"], middlewares: [validateQuery(LoyaltyExportQuery, {})] },
  { matcher: "/admin/reports/counter", methods: ["GET"], middlewares: [validateQuery(CounterReportQuery, {})] },
  { matcher: "/admin/reports/staff", methods: ["GET"], middlewares: [validateQuery(StaffReportQuery, {})] },
  { matcher: "/admin/reports/staff/export", methods: ["GET"], middlewares: [validateQuery(StaffExportQuery, {})] },
  { matcher: "/admin/reports/tally", methods: ["GET"], middlewares: [validateQuery(TallyExportQuery, {})] },
]
