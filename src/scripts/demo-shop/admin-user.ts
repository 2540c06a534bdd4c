import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { ensureOwner } from "./seed-staff"

export type AdminUserResult =
  | { created: false }
  | { created: true; email: string; password: string }

/**
 * Creates the first admin user, the shop's owner, when the shop has none. An auth identity left
 * behind by an interrupted earlier attempt is replaced, so the given password
 * is always the one that works.
 */
export async function ensureAdminUser(
  container: MedusaContainer,
  { email, password }: { email: string; password: string }
): Promise<AdminUserResult> {
  const userService = container.resolve(Modules.USER)
  const [, count] = await userService.listAndCountUsers({}, { take: 1 })
  if (count > 0) {
    return { created: false }
  }
  const authService = container.resolve(Modules.AUTH)
  const leftovers = await authService.listProviderIdentities({ entity_id: email, provider: "emailpass" })
  if (leftovers.length) {
    await authService.deleteAuthIdentities(leftovers.map((identity) => identity.auth_identity_id!))
  }
  const { authIdentity, error } = await authService.register("emailpass", { body: { email, password } })
  if (error || !authIdentity) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Could not register the admin login ${email}: ${error ?? "unknown error"}`)
  }
  const { result: user } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email, first_name: "Shop", last_name: "Owner" } },
  })
  await ensureOwner(container, user.id)
  return { created: true, email, password }
}
