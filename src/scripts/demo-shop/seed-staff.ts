import { randomBytes } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { StaffRole } from "../../lib/access-matrix"
import { ACCESS_MODULE } from "../../modules/access"
import type AccessModuleService from "../../modules/access/service"
import { BRANCH_MODULE } from "../../modules/branch"
import type BranchModuleService from "../../modules/branch/service"
import { assignStaffAccessWorkflow } from "../../workflows/access"

/** The demo shop's staff, one of each role, so the roles can be tried in the admin. */
export const DEMO_STAFF: { email: string; first_name: string; last_name: string; role: StaffRole; branches: string[] }[] = [
  { email: "manager.mumbai@jewel-crm.local", first_name: "Meera", last_name: "Shah", role: "branch_manager", branches: ["MUM"] },
  { email: "sales.pune@jewel-crm.local", first_name: "Rohit", last_name: "Kulkarni", role: "sales_staff", branches: ["PUN"] },
  { email: "accounts@jewel-crm.local", first_name: "Anita", last_name: "Iyer", role: "accountant", branches: [] },
  { email: "auditor@jewel-crm.local", first_name: "Vikram", last_name: "Rao", role: "auditor", branches: [] },
]

/** Makes the given user the owner, unless the shop already has one. */
export async function ensureOwner(container: MedusaContainer, userId: string) {
  const access = container.resolve<AccessModuleService>(ACCESS_MODULE)
  const [, owners] = await access.listAndCountStaffAccesses({ role: "owner" }, { take: 1 })
  if (!owners) {
    await assignStaffAccessWorkflow(container).run({ input: { user_id: userId, role: "owner", branch_ids: [] } })
  }
}

/** A staff login (emailpass) with its Medusa user and its role and branches; `undefined` when the email has a login already. */
export async function createStaffUser(
  container: MedusaContainer,
  staff: { email: string; password: string; first_name: string; last_name: string; role: StaffRole; branch_ids: string[] }
): Promise<string | undefined> {
  const { authIdentity, error } = await container.resolve(Modules.AUTH).register("emailpass", { body: { email: staff.email, password: staff.password } })
  if (error || !authIdentity) {
    return undefined
  }
  const { result: user } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email: staff.email, first_name: staff.first_name, last_name: staff.last_name } },
  })
  await assignStaffAccessWorkflow(container).run({ input: { user_id: user.id, role: staff.role, branch_ids: staff.branch_ids } })
  return user.id
}

/**
 * Creates the demo staff logins that do not exist yet, with their roles, each
 * with a password of its own; returns the logins made and their passwords.
 */
export async function seedDemoStaff(container: MedusaContainer): Promise<{ email: string; password: string; role: StaffRole }[]> {
  const users = container.resolve(Modules.USER)
  const branches = await container.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({}, { select: ["id", "code"] })
  const created: { email: string; password: string; role: StaffRole }[] = []
  for (const staff of DEMO_STAFF) {
    const [existing] = await users.listUsers({ email: staff.email }, { take: 1 })
    if (existing) {
      continue
    }
    const branchIds = branches.filter((b) => staff.branches.includes(b.code)).map((b) => b.id)
    const password = randomBytes(12).toString("base64url")
    if (await createStaffUser(container, { ...staff, password, branch_ids: branchIds })) {
      created.push({ email: staff.email, password, role: staff.role })
    }
  }
  return created
}
