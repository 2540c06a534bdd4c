import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendSchemePaymentLinkWorkflow } from "../../../../../../workflows/savings-schemes"
import { paymentLinkView } from "../../../../../utils/scheme-passbook"
import type { SchemePaymentLinkBodyType } from "../../../validators"

/**
 * POST /admin/schemes/enrolments/:id/payment-link — a Razorpay payment link for the card's next instalment,
 * sent to the customer by SMS or WhatsApp (`channel`; by default WhatsApp where they agreed to it). 201 with the
 * link; while it is unpaid, asking again answers 200 with the same link and sends nothing.
 */
export async function POST(req: AuthenticatedMedusaRequest<SchemePaymentLinkBodyType>, res: MedusaResponse) {
  const { result } = await sendSchemePaymentLinkWorkflow(req.scope).run({
    input: { enrolment_id: req.params.id, requested_by: "staff", user_id: req.auth_context.actor_id, ...(req.validatedBody.channel ? { channel: req.validatedBody.channel } : {}) },
  })
  res.status(result.created ? 201 : 200).json({ payment_link: paymentLinkView(result.link) })
}
