import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCK_TRANSFER_MODULE } from "../../../modules/stock-transfer"
import type StockTransferModuleService from "../../../modules/stock-transfer/service"
import type { StockTransferListResponse, StockTransferResponse } from "../../../types/http"
import { dispatchStockTransferWorkflow } from "../../../workflows/stock-transfers"
import { assertOwnBranch, scopedBranchIds } from "../../utils/access"
import { auditActor } from "../../utils/audit"
import { transferLineViews, transferViews } from "./helpers"
import type { DispatchStockTransferBodyType, ListStockTransfersQueryType } from "./validators"

/**
 * POST /admin/stock-transfers — sends pieces from one branch to another: `{ from_branch_id, to_branch_id,
 * pieces: [{ tag_code, quantity? }], carrier?, note?, idempotency_key? }`. The pieces leave the sending branch's
 * stock at once (in transit, sellable nowhere). 201 with the transfer and its lines; a piece not free at the
 * sending branch: 409 naming each, nothing sent; an unknown tag or one listed twice: 400. Only from one's own
 * branch. The same idempotency key again: 200 with the transfer it sent.
 */
export async function POST(req: AuthenticatedMedusaRequest<DispatchStockTransferBodyType>, res: MedusaResponse<StockTransferResponse>) {
  const body = req.validatedBody
  await assertOwnBranch(req, body.from_branch_id, `Branch "${body.from_branch_id}"`)
  const service: StockTransferModuleService = req.scope.resolve(STOCK_TRANSFER_MODULE)
  const earlier = body.idempotency_key ? await service.transferByKey(body.idempotency_key) : null
  if (earlier) {
    await assertOwnBranch(req, earlier.from_branch_id, `Transfer ${earlier.number}`)
    const [transfer] = await transferViews(req.scope, [earlier])
    res.status(200).json({ transfer, lines: await transferLineViews(req.scope, await service.listLines(earlier.id, null)) })
    return
  }
  const { result } = await dispatchStockTransferWorkflow(req.scope).run({
    input: {
      from_branch_id: body.from_branch_id,
      to_branch_id: body.to_branch_id,
      pieces: body.pieces,
      carrier: body.carrier ?? null,
      note: body.note ?? null,
      idempotency_key: body.idempotency_key ?? null,
      user_id: req.auth_context?.actor_id ?? null,
      actor: auditActor(req),
    },
  })
  const [transfer] = await transferViews(req.scope, [result])
  res.status(201).json({ transfer, lines: await transferLineViews(req.scope, await service.listLines(result.id, null)) })
}

/**
 * GET /admin/stock-transfers — transfers newest first, sent from or to the user's branches; `branch_id`,
 * `direction` (outgoing or incoming, of those branches), `status`, `limit`, `offset`.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListStockTransfersQueryType>, res: MedusaResponse<StockTransferListResponse>) {
  const { branch_id, direction, status, limit, offset } = req.validatedQuery as ListStockTransfersQueryType
  const branches = await scopedBranchIds(req, branch_id)
  const service: StockTransferModuleService = req.scope.resolve(STOCK_TRANSFER_MODULE)
  const page = await service.listTransfers({ branch_ids: branches ?? null, direction: direction ?? null, status: status ?? null, limit, offset })
  res.json({ transfers: await transferViews(req.scope, page.transfers), count: page.count, limit, offset })
}
