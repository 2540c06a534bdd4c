import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"

export type AddWishlistItemInput = { customer_id: string; variant_id: string; note?: string | null }

/**
 * Saves a piece to the customer's wishlist. Saving it again keeps the one
 * entry (updating its note). Compensation removes an entry it created.
 */
export const addWishlistItemStep = createStep(
  "add-wishlist-item",
  async (input: AddWishlistItemInput, { container }) => {
    const variants = await container.resolve(Modules.PRODUCT).listProductVariants({ id: input.variant_id }, { select: ["id"] })
    if (!variants.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product variant ${input.variant_id} was not found`)
    }
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    const [existing] = await crm.listWishlistItems({ customer_id: input.customer_id, variant_id: input.variant_id })
    if (existing) {
      const item = input.note === undefined ? existing : await crm.updateWishlistItems({ id: existing.id, note: input.note })
      return new StepResponse({ item, created: false }, null)
    }
    const item = await crm.createWishlistItems({ customer_id: input.customer_id, variant_id: input.variant_id, note: input.note ?? null })
    return new StepResponse({ item, created: true }, item.id)
  },
  async (createdId, { container }) => {
    if (createdId) {
      await container.resolve<CrmModuleService>(CRM_MODULE).deleteWishlistItems(createdId)
    }
  }
)
