import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCK_TRANSFER_MODULE } from "../../../../../modules/stock-transfer"
import type StockTransferModuleService from "../../../../../modules/stock-transfer/service"
import type { StockTransferResponse } from "../../../../../types/http"
import { closeStockTransferWorkflow } from "../../../../../workflows/stock-transfers"
import { assertOwnBranch } from "../../../../utils/access"
import { auditActor } from "../../../../utils/audit"
import { transferLineViews, transferViews } from "../../helpers"
import type { CloseStockTransferBodyType } from "../../validators"

/**
 * POST /admin/stock-transfers/:id/close — `{ branch_id, note? }`: ends the receipt at the receiving branch. What
 * was not scanned in is short (it stays out of every branch's stock until found); the transfer is received with
 * its figures. 200 with the transfer and lines; elsewhere, or a transfer not in transit: 409 saying why.
 */
export async function POST(req: AuthenticatedMedusaRequest<CloseStockTransferBodyType>, res: MedusaResponse<StockTransferResponse>) {
  const { branch_id, note } = req.validatedBody
  await assertOwnBranch(req, branch_id, `Branch "${branch_id}"`)
  const { result } = await closeStockTransferWorkflow(req.scope).run({
    input: { transfer_id: req.params.id, branch_id, note: note ?? null, user_id: req.auth_context?.actor_id ?? null, actor: auditActor(req) },
  })
  const service: StockTransferModuleService = req.scope.resolve(STOCK_TRANSFER_MODULE)
  const [[transfer], lines] = await Promise.all([transferViews(req.scope, [result]), service.listLines(result.id, null)])
  res.json({ transfer, lines: await transferLineViews(req.scope, lines) })
}
