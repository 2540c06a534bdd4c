import { MedusaError } from "@medusajs/framework/utils"
import { parseQuietHours, type QuietHours, type TransactionalPolicy } from "./messaging"

export type MessagingSettings = {
  /** SHOP_NAME, else the Medusa store's name is used. */
  shop_name: string | null
  quiet_hours: QuietHours
  daily_cap: number
  transactional_policy: TransactionalPolicy
}

/** The shop's messaging policy from the environment (docs/operations.md: MESSAGING_*), checked so a typo stops the start-up, not a message. */
export function messagingSettings(env: NodeJS.ProcessEnv = process.env): MessagingSettings {
  const cap = Number(env.MESSAGING_DAILY_CAP ?? 3)
  if (!Number.isInteger(cap) || cap < 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `MESSAGING_DAILY_CAP must be a whole number, got "${env.MESSAGING_DAILY_CAP}"`)
  }
  const policy = env.MESSAGING_TRANSACTIONAL_POLICY ?? "unless_revoked"
  if (policy !== "unless_revoked" && policy !== "consent_required") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `MESSAGING_TRANSACTIONAL_POLICY must be unless_revoked or consent_required, got "${policy}"`)
  }
  return {
    shop_name: env.SHOP_NAME ?? null,
    quiet_hours: parseQuietHours(env.MESSAGING_QUIET_HOURS ?? "21:00-09:00"),
    daily_cap: cap,
    transactional_policy: policy,
  }
}
