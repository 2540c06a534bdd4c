import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addWishlistItemStep, type AddWishlistItemInput } from "../steps/add-wishlist-item"

/** Saves a piece to a customer's wishlist (idempotent). */
export const addToWishlistWorkflow = createWorkflow("add-to-wishlist", (input: AddWishlistItemInput) => {
  return new WorkflowResponse(addWishlistItemStep(input))
})
