import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCK_TRANSFER_MODULE } from "../../../../modules/stock-transfer"
import type StockTransferModuleService from "../../../../modules/stock-transfer/service"
import type { StockTransferResponse } from "../../../../types/http"
import { transferLineViews, transferViews } from "../helpers"

/**
 * GET /admin/stock-transfers/:id — the transfer with its figures and every line (a note holds at most 500),
 * what is still in transit or short first. A transfer neither from nor to the user's branches is not found
 * (src/api/utils/branch-scope.ts).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StockTransferResponse>) {
  const service: StockTransferModuleService = req.scope.resolve(STOCK_TRANSFER_MODULE)
  const row = await service.transferById(req.params.id)
  const [[transfer], lines] = await Promise.all([transferViews(req.scope, [row]), service.listLines(row.id, null)])
  res.json({ transfer, lines: await transferLineViews(req.scope, lines) })
}
