import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { StaffRole } from "../../../lib/access-matrix"
import { ACCESS_MODULE } from "../../../modules/access"
import type AccessModuleService from "../../../modules/access/service"
import { BRANCH_MODULE } from "../../../modules/branch"
import type BranchModuleService from "../../../modules/branch/service"

export type StaffAccessInput = { user_id: string; role: StaffRole; branch_ids: string[]; changed_by?: string | null }

type Previous = { id: string; created: boolean; role?: string; branch_ids?: string[] }

/**
 * Gives a staff user a role and branches. The user and the branches must
 * exist, and the shop keeps at least one owner. Compensation puts the old
 * record back (or removes the new one).
 */
export const saveStaffAccessStep = createStep(
  "save-staff-access",
  async (input: StaffAccessInput, { container }) => {
    const access = container.resolve<AccessModuleService>(ACCESS_MODULE)
    const [user] = await container.resolve(Modules.USER).listUsers({ id: input.user_id }, { take: 1 })
    if (!user) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Staff user "${input.user_id}" was not found`)
    }
    const branchIds = [...new Set(input.branch_ids)]
    if (branchIds.length) {
      const branches = await container.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: branchIds }, { select: ["id"] })
      const unknown = branchIds.filter((id) => !branches.some((b) => b.id === id))
      if (unknown.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown branch ${unknown.map((id) => `"${id}"`).join(", ")}`)
      }
    }
    if ((input.role === "branch_manager" || input.role === "sales_staff") && !branchIds.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `A ${input.role.replace("_", " ")} works in at least one branch: give branch_ids`)
    }
    const [existing] = await access.listStaffAccesses({ user_id: input.user_id }, { take: 1 })
    if (existing?.role === "owner" && input.role !== "owner") {
      const [, owners] = await access.listAndCountStaffAccesses({ role: "owner" }, { take: 1 })
      if (owners <= 1) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The shop needs an owner: make someone else the owner first")
      }
    }
    if (existing) {
      const updated = await access.updateStaffAccesses({ id: existing.id, role: input.role, branch_ids: branchIds })
      return new StepResponse(updated, { id: existing.id, created: false, role: existing.role, branch_ids: existing.branch_ids } as Previous)
    }
    const created = await access.createStaffAccesses({ user_id: input.user_id, role: input.role, branch_ids: branchIds })
    return new StepResponse(created, { id: created.id, created: true } as Previous)
  },
  async (previous: Previous | undefined, { container }) => {
    if (!previous) {
      return
    }
    const access = container.resolve<AccessModuleService>(ACCESS_MODULE)
    if (previous.created) {
      await access.deleteStaffAccesses(previous.id)
    } else {
      await access.updateStaffAccesses({ id: previous.id, role: previous.role as StaffRole, branch_ids: previous.branch_ids ?? [] })
    }
  }
)
