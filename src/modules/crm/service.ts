import type { Context, InferTypeOf } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { CustomerMerge } from "./models/customer-merge"
import { CustomerProfile } from "./models/customer-profile"
import { CustomerStats } from "./models/customer-stats"
import { FollowUpTask } from "./models/follow-up-task"
import { Interaction } from "./models/interaction"
import { WishlistItem } from "./models/wishlist-item"
import { pageWithTotal, withDates } from "../../lib/sql-rows"

type Row = Record<string, unknown>

/** What customerActivity answers: rows as the module's entities have them. */
export type CustomerActivity = {
  stats: InferTypeOf<typeof CustomerStats> | null
  interactions: InferTypeOf<typeof Interaction>[]
  tasks: InferTypeOf<typeof FollowUpTask>[]
}

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

  /**
   * What the 360 shows of a customer from this module, in one statement:
   * their purchase aggregate (null before their first order), latest
   * interactions and open tasks, soonest due first.
   */
  @InjectManager()
  async customerActivity(
    customerId: string,
    { interactions, tasks }: { interactions: number; tasks: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<CustomerActivity> {
    const [row] = (await sharedContext.manager!.execute(
      `select (select row_to_json(s) from customer_stats s where s.customer_id = ? and s.deleted_at is null limit 1) as stats,
              coalesce((select json_agg(i) from (select * from interaction where customer_id = ? and deleted_at is null
                                                 order by occurred_at desc limit ?) i), '[]') as interactions,
              coalesce((select json_agg(t) from (select * from follow_up_task where customer_id = ? and status = 'open' and deleted_at is null
                                                 order by due_at asc limit ?) t), '[]') as tasks`,
      [customerId, customerId, interactions, customerId, tasks]
    )) as { stats: Row | null; interactions: Row[]; tasks: Row[] }[]
    return {
      stats: row.stats && withDates(row.stats),
      interactions: row.interactions.map(withDates),
      tasks: row.tasks.map(withDates),
    } as unknown as CustomerActivity
  }

  /** A customer's latest wishlist items, newest first, and how many they have, in one statement (the 360's wishlist section). */
  @InjectManager()
  async wishlistOf(
    customerId: string,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ items: InferTypeOf<typeof WishlistItem>[]; count: number }> {
    const rows = (await sharedContext.manager!.execute(
      `select *, count(*) over () as total from wishlist_item where customer_id = ? and deleted_at is null order by created_at desc limit ?`,
      [customerId, limit]
    )) as (InferTypeOf<typeof WishlistItem> & { total: string })[]
    const page = pageWithTotal(rows)
    return { items: page.rows, count: page.count }
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
