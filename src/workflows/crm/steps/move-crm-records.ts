import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"

type Owned = { id: string; customer_id: string }

/**
 * Moves interactions, follow-up tasks and wishlist items to the surviving
 * customer. A piece both had wished for is kept once (the duplicate's entry
 * is removed). Compensation moves everything back.
 */
export const moveCrmRecordsStep = createStep(
  "move-crm-records",
  async ({ survivor_id, merged_ids }: { survivor_id: string; merged_ids: string[] }, { container }) => {
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    const select = ["id", "customer_id"]
    const [interactions, tasks, wishes, survivorWishes] = await Promise.all([
      crm.listInteractions({ customer_id: merged_ids }, { select, take: null }) as Promise<Owned[]>,
      crm.listFollowUpTasks({ customer_id: merged_ids }, { select, take: null }) as Promise<Owned[]>,
      crm.listWishlistItems({ customer_id: merged_ids }, { select: [...select, "variant_id"], take: null }),
      crm.listWishlistItems({ customer_id: survivor_id }, { select: ["variant_id"], take: null }),
    ])
    const kept = new Set(survivorWishes.map((w) => w.variant_id))
    const movedWishes: Owned[] = []
    const droppedWishes: string[] = []
    for (const wish of wishes) {
      if (kept.has(wish.variant_id)) {
        droppedWishes.push(wish.id)
      } else {
        kept.add(wish.variant_id)
        movedWishes.push(wish)
      }
    }
    const to = (rows: Owned[]) => rows.map((r) => ({ id: r.id, customer_id: survivor_id }))
    if (interactions.length) {
      await crm.updateInteractions(to(interactions))
    }
    if (tasks.length) {
      await crm.updateFollowUpTasks(to(tasks))
    }
    if (droppedWishes.length) {
      await crm.softDeleteWishlistItems(droppedWishes)
    }
    if (movedWishes.length) {
      await crm.updateWishlistItems(to(movedWishes))
    }
    return new StepResponse(
      { interactions: interactions.length, follow_up_tasks: tasks.length, wishlist_items: movedWishes.length },
      { interactions, tasks, movedWishes, droppedWishes }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    const back = (rows: Owned[]) => rows.map((r) => ({ id: r.id, customer_id: r.customer_id }))
    if (undo.interactions.length) {
      await crm.updateInteractions(back(undo.interactions))
    }
    if (undo.tasks.length) {
      await crm.updateFollowUpTasks(back(undo.tasks))
    }
    if (undo.movedWishes.length) {
      await crm.updateWishlistItems(back(undo.movedWishes))
    }
    if (undo.droppedWishes.length) {
      await crm.restoreWishlistItems(undo.droppedWishes)
    }
  }
)
