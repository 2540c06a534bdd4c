import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { CancelStockTransferBody, CloseStockTransferBody, DispatchStockTransferBody, ListStockTransfersQuery, StockTransferScanBody } from "./validators"

export const adminStockTransferRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/stock-transfers", methods: ["GET"], middlewares: [validateQuery(ListStockTransfersQuery, {})] },
  { matcher: "/admin/stock-transfers", methods: ["POST"], middlewares: [validateBody(DispatchStockTransferBody)] },
  { matcher: "/admin/stock-transfers/:id/scans", methods: ["POST"], middlewares: [validateBody(StockTransferScanBody)] },
  { matcher: "/admin/stock-transfers/:id/close", methods: ["POST"], middlewares: [validateBody(CloseStockTransferBody)] },
  { matcher: "/admin/stock-transfers/:id/cancel", methods: ["POST"], middlewares: [validateBody(CancelStockTransferBody)] },
]
