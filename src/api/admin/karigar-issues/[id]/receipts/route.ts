import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KARIGAR_MODULE } from "../../../../../modules/karigar"
import type KarigarModuleService from "../../../../../modules/karigar/service"
import { receiveFromKarigarWorkflow } from "../../../../../workflows/karigar"
import { auditActor } from "../../../../utils/audit"
import { branchDirectory } from "../../../../utils/directory"
import { issueViews, receiptIntakePieces } from "../../helpers"
import type { ReceiveFromKarigarBodyType } from "../../validators"

/**
 * POST /admin/karigar-issues/:id/receipts — pieces or metal back from the karigar: `{ form, description, purity,
 * gross_weight, net_weight? (grams), wastage? (fine grams claimed), to_old_gold_stock?, idempotency_key? }`. 201 with
 * the challan and the receipt; metal with `to_old_gold_stock` goes back into the branch's old-metal stock. Finished
 * pieces listed in `pieces` (tag, category, weights, making, HUID, design…) instead of `gross_weight` go into stock at
 * the challan's branch in the same step, and their weights are the receipt's. The same key
 * again: 200, nothing booked twice. More back than is out, or wastage beyond the job's
 * allowance, or a settled challan: 409 naming the figures.
 */
export async function POST(req: AuthenticatedMedusaRequest<ReceiveFromKarigarBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const service: KarigarModuleService = req.scope.resolve(KARIGAR_MODULE)
  const issue = await service.challanById(req.params.id)
  const branch = (await branchDirectory(req.scope)).find((b) => b.id === issue.branch_id)
  const pieces = body.pieces ? receiptIntakePieces(body.pieces, { metal: issue.metal, purity: body.purity, branch_code: branch?.code ?? "" }) : undefined
  // Listed pieces weigh what came back: the receipt's weights are theirs, never a second figure from the client.
  const gross = pieces ? pieces.reduce((sum, p) => sum + p.gross_weight_mg, 0) : body.gross_weight!
  const net = pieces ? pieces.reduce((sum, p) => sum + p.net_weight_mg, 0) : body.net_weight ?? gross
  const { result } = await receiveFromKarigarWorkflow(req.scope).run({
    input: {
      issue_id: issue.id,
      form: body.form,
      description: body.description,
      purity: body.purity,
      gross_weight_mg: gross,
      net_weight_mg: net,
      pieces,
      wastage_fine_mg: body.wastage,
      to_old_gold_stock: body.to_old_gold_stock,
      received_by: req.auth_context?.actor_id ?? null,
      idempotency_key: body.idempotency_key ?? null,
      actor: auditActor(req),
    },
  })
  const [view] = await issueViews(req.scope, [await service.challanById(issue.id)], { receipts: true })
  res.status(result.created ? 201 : 200).json({
    issue: view,
    receipt: view.receipts?.find((r) => r.id === result.receipt.id) ?? result.receipt,
    pieces_stocked: pieces?.map((p) => p.tag_code) ?? [],
  })
}
