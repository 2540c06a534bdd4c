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
import { pgArray } from "../../lib/pg-array"

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

  /**
   * Follow-ups per assignee and branch: those done in [from, to), how many
   * of them late, and those open now, how many overdue. Cancelled tasks
   * count nowhere. `branch_ids` keeps to those branches' tasks.
   */
  @InjectManager()
  async summarizeFollowUps(
    { from, to, now, branch_ids }: { from: Date; to: Date; now: Date; branch_ids?: string[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<FollowUpSummary[]> {
    const [since, until] = [from.toISOString(), to.toISOString()]
    const rows = (await sharedContext.manager!.execute(
      `select assignee_user_id, branch_id, done, done_late, open, overdue
         from (select assignee_user_id, branch_id,
                      count(*) filter (where status = 'done' and completed_at >= ? and completed_at < ?)::int as done,
                      count(*) filter (where status = 'done' and completed_at >= ? and completed_at < ? and completed_at > due_at)::int as done_late,
                      count(*) filter (where status = 'open')::int as open,
                      count(*) filter (where status = 'open' and due_at < ?)::int as overdue
                 from follow_up_task
                where deleted_at is null and status <> 'cancelled' ${branch_ids ? "and branch_id = any(?::text[])" : ""}
                group by 1, 2) t
        where done > 0 or open > 0`,
      [since, until, since, until, now.toISOString(), ...(branch_ids ? [pgArray(branch_ids)] : [])]
    )) as FollowUpSummary[]
    return rows.map((r) => ({ ...r, done: Number(r.done), done_late: Number(r.done_late), open: Number(r.open), overdue: Number(r.overdue) }))
  }
}

/** A staff member's follow-ups at a branch, for the staff report (docs/reports.md). */
export type FollowUpSummary = {
  assignee_user_id: string | null
  branch_id: string | null
  /** Done in the period, and of those done after their due time. */
  done: number
  done_late: number
  /** Still open now, and of those past their due time. */
  open: number
  overdue: number
}

export default CrmModuleService
