import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DOMAIN_CONFLICT } from "../../../../../lib/errors"
import { duplicateScanMessage } from "../../../../../lib/stock-audit"
import type { StockTransferScanResponse } from "../../../../../types/http"
import { receiveStockTransferScanWorkflow } from "../../../../../workflows/stock-transfers"
import { assertOwnBranch } from "../../../../utils/access"
import { auditActor } from "../../../../utils/audit"
import { userNames } from "../../../../utils/directory"
import { transferLineViews, transferViews } from "../../helpers"
import type { StockTransferScanBodyType } from "../../validators"

/**
 * POST /admin/stock-transfers/:id/scans — `{ tag_code, branch_id }`: a tag scanned at the branch receiving the
 * pieces. A piece on the note is received and joins that branch's stock at once; any other tag is flagged
 * extra and moves nothing. 201 with what it was; at any other branch: 409 naming where the transfer goes; a
 * tag scanned twice: 409 with when and by whom; a closed or cancelled transfer: 409. Nothing written on a 4xx.
 */
export async function POST(req: AuthenticatedMedusaRequest<StockTransferScanBodyType>, res: MedusaResponse<StockTransferScanResponse>) {
  const { tag_code, branch_id } = req.validatedBody
  await assertOwnBranch(req, branch_id, `Branch "${branch_id}"`)
  const { result } = await receiveStockTransferScanWorkflow(req.scope).run({
    input: { transfer_id: req.params.id, branch_id, tag_code, user_id: req.auth_context?.actor_id ?? null, actor: auditActor(req) },
  })
  const { outcome } = result
  if (!outcome.recorded) {
    const { duplicate } = outcome
    // The workflow hands its result on as JSON: the date comes back as a string.
    const by = duplicate.scanned_by ? ((await userNames(req.scope, [duplicate.scanned_by])).get(duplicate.scanned_by) ?? duplicate.scanned_by) : null
    throw new MedusaError(MedusaError.Types.CONFLICT, duplicateScanMessage(duplicate.tag_code, new Date(duplicate.scanned_at), by), DOMAIN_CONFLICT)
  }
  const [[transfer], [line]] = await Promise.all([transferViews(req.scope, [result.transfer]), transferLineViews(req.scope, [outcome.line])])
  const message =
    line.result === "received"
      ? `Received: ${line.description ?? line.tag_code}${line.quantity > 1 ? ` × ${line.quantity}` : ""}`
      : line.variant_id
        ? `Not on this transfer: ${line.description ?? line.tag_code} is flagged extra; no stock moved`
        : "Unknown tag: no piece has it; flagged extra"
  res.status(201).json({ scan: { tag_code: line.tag_code, result: line.result, message, line }, transfer })
}
