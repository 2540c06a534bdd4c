import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendSchemePaymentLinkWorkflow } from "../../../../../../../workflows/savings-schemes"
import { paymentLinkView } from "../../../../../../utils/scheme-passbook"

/**
 * POST /store/customers/me/schemes/:id/payment-link — the signed-in customer pays their card's next instalment
 * online: a Razorpay payment link for it (201), or the one already made while it is unpaid (200). Another
 * customer's card answers 404.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await sendSchemePaymentLinkWorkflow(req.scope).run({
    input: { enrolment_id: req.params.id, requested_by: "customer", customer_id: req.auth_context.actor_id },
  })
  res.status(result.created ? 201 : 200).json({ payment_link: paymentLinkView(result.link) })
}
