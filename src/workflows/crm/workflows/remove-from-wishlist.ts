import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { removeWishlistItemStep } from "../steps/remove-wishlist-item"

/** Takes a piece off a customer's wishlist (idempotent). */
export const removeFromWishlistWorkflow = createWorkflow(
  "remove-from-wishlist",
  (input: { customer_id: string; variant_id: string }) => {
    return new WorkflowResponse(removeWishlistItemStep(input))
  }
)
