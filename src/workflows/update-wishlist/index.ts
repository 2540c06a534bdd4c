import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addWishlistItemStep, type AddWishlistItemInput } from "./steps/add-wishlist-item"
import { removeWishlistItemStep } from "./steps/remove-wishlist-item"

/** Saves a piece to a customer's wishlist (idempotent). */
export const addToWishlistWorkflow = createWorkflow("add-to-wishlist", (input: AddWishlistItemInput) => {
  return new WorkflowResponse(addWishlistItemStep(input))
})

/** Takes a piece off a customer's wishlist (idempotent). */
export const removeFromWishlistWorkflow = createWorkflow(
  "remove-from-wishlist",
  (input: { customer_id: string; variant_id: string }) => {
    return new WorkflowResponse(removeWishlistItemStep(input))
  }
)
