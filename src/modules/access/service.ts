import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { BRANCH_SCOPED_ROLES, type StaffRole } from "../../lib/access-matrix"
import { StaffAccess } from "./models/staff-access"

export type ResolvedAccess = {
  role: StaffRole
  branch_ids: string[]
  /** Whether lists of orders, stock, tasks and interactions are limited to `branch_ids`. */
  branch_scoped: boolean
  /** Whether the role comes from a record (false: the default for users without one). */
  assigned: boolean
}

class AccessModuleService extends MedusaService({ StaffAccess }) {
  /**
   * The access of a staff user. Without a record: the owner while no one is the
   * owner yet (so a fresh shop's first user can hand out roles), else `fallback`.
   */
  @InjectManager()
  async resolveAccess(userId: string, fallback: StaffRole = "sales_staff", @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<ResolvedAccess> {
    // Every staff request asks this once: one plain indexed read rather than the ORM's entity loading.
    const [record] = (await sharedContext.manager!.execute("select role, branch_ids from staff_access where user_id = ? and deleted_at is null limit 1", [
      userId,
    ])) as { role: string; branch_ids: string[] | null }[]
    if (record) {
      const role = record.role as StaffRole
      return { role, branch_ids: record.branch_ids ?? [], branch_scoped: BRANCH_SCOPED_ROLES.includes(role), assigned: true }
    }
    const role = await this.unassignedRole(fallback)
    return { role, branch_ids: [], branch_scoped: BRANCH_SCOPED_ROLES.includes(role), assigned: false }
  }

  /** The role of users without a record: the owner while the shop has none, else `fallback`. */
  async unassignedRole(fallback: StaffRole): Promise<StaffRole> {
    const [, owners] = await this.listAndCountStaffAccesses({ role: "owner" }, { take: 1 })
    return owners === 0 ? "owner" : fallback
  }
}

export default AccessModuleService
