import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updatePaymentSessionDataStep } from "../steps/update-payment-session-data"
import { verifyRazorpayCheckoutStep, type RazorpayCheckoutInput } from "../steps/verify-razorpay-checkout"

export type { RazorpayCheckoutInput }

/**
 * The checkout widget's answer for a cart's Razorpay payment: the signature
 * is checked, then the payment id and signature join the session, so the
 * cart's completion authorises that payment. A forged signature changes
 * nothing.
 */
export const attachRazorpayCheckoutWorkflow = createWorkflow("attach-razorpay-checkout", (input: RazorpayCheckoutInput) => {
  const session = verifyRazorpayCheckoutStep(input)
  const updated = updatePaymentSessionDataStep(
    transform({ session, input }, ({ session, input }) => ({
      session,
      data: { razorpay_payment_id: input.razorpay_payment_id, razorpay_signature: input.razorpay_signature },
    }))
  )
  return new WorkflowResponse(updated)
})
