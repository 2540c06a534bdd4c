import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"

/** Removes a piece from the wishlist (nothing to do when it is not there); compensation restores it. */
export const removeWishlistItemStep = createStep(
  "remove-wishlist-item",
  async ({ customer_id, variant_id }: { customer_id: string; variant_id: string }, { container }) => {
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    const items = await crm.listWishlistItems({ customer_id, variant_id }, { select: ["id"] })
    if (items.length) {
      await crm.softDeleteWishlistItems(items.map((i) => i.id))
    }
    return new StepResponse(items.length, items.map((i) => i.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<CrmModuleService>(CRM_MODULE).restoreWishlistItems(ids)
    }
  }
)
