import { diffFields } from "./audit"

/** An audit entry of a profile change; who made it comes from the request that records it. */
export type ProfileAuditEntry = {
  action: "customer.consent_changed" | "customer_profile.updated" | "customer_profile.created"
  entity: "customer"
  entity_id: string
  branch_id?: string | null
  changes: ReturnType<typeof diffFields>
  metadata: { source: string }
}

type Profile = Record<string, unknown> | null | undefined

const CHANNELS = ["sms", "whatsapp", "email", "rate_alerts", "marketing"]

/** The consent channels either side mentions (known ones first). */
function consentChannels(before: Profile, after: Profile): string[] {
  const named = [
    ...Object.keys((before?.consents as Record<string, unknown> | null) ?? {}),
    ...Object.keys((after?.consents as Record<string, unknown> | null) ?? {}),
  ]
  return [...new Set([...CHANNELS.filter((c) => named.includes(c)), ...named])]
}

/**
 * The audit entries of a change to a customer's CRM profile: consents (per
 * channel, with the source of the change) as "customer.consent_changed", and
 * every other changed field (PII masked, the PAN never in clear) as
 * "customer_profile.updated" — or "customer_profile.created" when there was no
 * profile. Nothing that did not change is written.
 */
export function profileAuditEntries(customerId: string, before: Profile, after: Profile, source: string): ProfileAuditEntry[] {
  const entries: ProfileAuditEntry[] = []
  const channels = consentChannels(before, after)
  const consents = diffFields(before ?? null, after ?? {}, channels.map((c) => `consents.${c}.status`))
  if (Object.keys(consents).length) {
    entries.push({ action: "customer.consent_changed", entity: "customer", entity_id: customerId, changes: consents, metadata: { source } })
  }
  const fields = Object.keys(after ?? {}).filter((k) => !["consents", "id", "created_at", "updated_at", "deleted_at", "pan_encrypted"].includes(k))
  const changes = diffFields(before ?? null, after ?? {}, fields)
  if (Object.keys(changes).length) {
    entries.push({
      action: before ? "customer_profile.updated" : "customer_profile.created",
      entity: "customer",
      entity_id: customerId,
      branch_id: (after?.home_branch_id as string | null | undefined) ?? null,
      changes,
      metadata: { source },
    })
  }
  return entries
}
