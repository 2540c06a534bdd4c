import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { CustomerMerge } from "./models/customer-merge"
import { CustomerProfile } from "./models/customer-profile"
import { CustomerStats } from "./models/customer-stats"
import { FollowUpTask } from "./models/follow-up-task"
import { Interaction } from "./models/interaction"
import { WishlistItem } from "./models/wishlist-item"

class CrmModuleService extends MedusaService({
  CustomerProfile,
  Interaction,
  FollowUpTask,
  CustomerMerge,
  WishlistItem,
  CustomerStats,
}) {
  /** Profiles whose birthday or anniversary falls on one of the given month-days ("MMDD"). */
  @InjectManager()
  async listProfilesWithOccasionOn(
    monthDays: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; birthday: Date | null; anniversary: Date | null }[]> {
    if (!monthDays.length) {
      return []
    }
    return sharedContext.manager!.execute(
      `select id, birthday, anniversary from customer_profile
        where deleted_at is null
          and (to_char(birthday at time zone 'UTC', 'MMDD') in (?) or to_char(anniversary at time zone 'UTC', 'MMDD') in (?))`,
      [monthDays, monthDays]
    )
  }

  /** Profiles that asked for the day's metal rates (consents.rate_alerts granted), a page at a time by id. */
  @InjectManager()
  async listRateAlertProfiles(
    after: string,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string }[]> {
    return sharedContext.manager!.execute(
      `select id from customer_profile
        where deleted_at is null and consents -> 'rate_alerts' ->> 'status' = 'granted' and id > ?
        order by id limit ?`,
      [after, limit]
    )
  }
}

export default CrmModuleService
