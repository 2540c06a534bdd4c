import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KARIGAR_MODULE } from "../../../../../modules/karigar"
import type KarigarModuleService from "../../../../../modules/karigar/service"
import { receiveFromKarigarWorkflow } from "../../../../../workflows/karigar"
import { auditActor } from "../../../../utils/audit"
import { issueViews } from "../../helpers"
import type { ReceiveFromKarigarBodyType } from "../../validators"

/**
 * POST /admin/karigar-issues/:id/receipts — pieces or metal back from the karigar: `{ form, description, purity,
 * gross_weight, net_weight? (grams), wastage? (fine grams claimed), to_old_gold_stock?, idempotency_key? }`. 201 with
 * the challan and the receipt; metal with `to_old_gold_stock` goes back into the branch's old-metal stock. The same key
 * again: 200, nothing booked twice. More back than is out, or wastage beyond the job's
 * allowance, or a settled challan: 409 naming the figures.
 */
export async function POST(req: AuthenticatedMedusaRequest<ReceiveFromKarigarBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const service: KarigarModuleService = req.scope.resolve(KARIGAR_MODULE)
  const issue = await service.challanById(req.params.id)
  const { result } = await receiveFromKarigarWorkflow(req.scope).run({
    input: {
      issue_id: issue.id,
      form: body.form,
      description: body.description,
      purity: body.purity,
      gross_weight_mg: body.gross_weight,
      net_weight_mg: body.net_weight ?? body.gross_weight,
      wastage_fine_mg: body.wastage,
      to_old_gold_stock: body.to_old_gold_stock,
      received_by: req.auth_context?.actor_id ?? null,
      idempotency_key: body.idempotency_key ?? null,
      actor: auditActor(req),
    },
  })
  const [view] = await issueViews(req.scope, [await service.challanById(issue.id)], { receipts: true })
  res.status(result.created ? 201 : 200).json({ issue: view, receipt: view.receipts?.find((r) => r.id === result.receipt.id) ?? result.receipt })
}
