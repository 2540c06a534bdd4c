import { z } from "@medusajs/framework/zod"
import { WholePoints } from "../../admin/loyalty/validators"

export const CartPointsBody = z
  .object({ points: WholePoints.positive("points must be above 0").max(10_000_000) })
  .strict()

export type CartPointsBodyType = z.infer<typeof CartPointsBody>

export const RazorpayVerifyBody = z
  .object({
    razorpay_order_id: z.string().regex(/^order_[A-Za-z0-9]{6,40}$/, "razorpay_order_id is Razorpay's order id (order_…)"),
    razorpay_payment_id: z.string().regex(/^pay_[A-Za-z0-9]{6,40}$/, "razorpay_payment_id is Razorpay's payment id (pay_…)"),
    razorpay_signature: z.string().regex(/^[0-9a-fA-F]{64}$/, "razorpay_signature is 64 hexadecimal characters"),
  })
  .strict()

export type RazorpayVerifyBodyType = z.infer<typeof RazorpayVerifyBody>
