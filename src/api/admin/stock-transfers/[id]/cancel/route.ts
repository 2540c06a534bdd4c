import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { STOCK_TRANSFER_MODULE } from "../../../../../modules/stock-transfer"
import type StockTransferModuleService from "../../../../../modules/stock-transfer/service"
import type { StockTransferResponse } from "../../../../../types/http"
import { cancelStockTransferWorkflow } from "../../../../../workflows/stock-transfers"
import { branchScope } from "../../../../utils/access"
import { auditActor } from "../../../../utils/audit"
import { transferLineViews, transferViews } from "../../helpers"
import type { CancelStockTransferBodyType } from "../../validators"

/**
 * POST /admin/stock-transfers/:id/cancel — `{ note? }`: the sending branch calls a transfer back before anything
 * of it was scanned in; its pieces return to the sender's stock. 200 with the transfer; by another branch's
 * staff: 400; something already received, or a transfer not in transit: 409 saying why.
 */
export async function POST(req: AuthenticatedMedusaRequest<CancelStockTransferBodyType>, res: MedusaResponse<StockTransferResponse>) {
  const service: StockTransferModuleService = req.scope.resolve(STOCK_TRANSFER_MODULE)
  const row = await service.transferById(req.params.id)
  const scope = await branchScope(req)
  if (scope && !scope.includes(row.from_branch_id)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Transfer ${row.number} was sent by another branch; only the sending branch may cancel it`)
  }
  const { result } = await cancelStockTransferWorkflow(req.scope).run({
    input: { transfer_id: row.id, note: req.validatedBody.note ?? null, user_id: req.auth_context?.actor_id ?? null, actor: auditActor(req) },
  })
  const [[transfer], lines] = await Promise.all([transferViews(req.scope, [result]), service.listLines(result.id, null)])
  res.json({ transfer, lines: await transferLineViews(req.scope, lines) })
}
