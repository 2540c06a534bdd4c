import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type MergeCustomersInput = {
  /** The customer that stays. */
  survivor_id: string
  /** The duplicates folded into it. */
  merged_ids: string[]
  merged_by?: string | null
  reason?: string | null
}

export type CustomerSnapshot = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
  has_account: boolean
  created_at: string
  customer_profile?: (Record<string, unknown> & { id: string }) | null
}

/**
 * Checks the merge makes sense and snapshots every customer involved:
 * not into itself, every id a live customer, no customer with a login
 * merged away (the login would be lost).
 */
export const loadCustomersToMergeStep = createStep("load-customers-to-merge", async (input: MergeCustomersInput, { container }) => {
  const merged = [...new Set(input.merged_ids)]
  if (merged.includes(input.survivor_id)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A customer cannot be merged into itself (${input.survivor_id})`)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name", "email", "phone", "has_account", "created_at", "customer_profile.*"],
    filters: { id: [input.survivor_id, ...merged] },
  })
  const found = new Map((data as unknown as CustomerSnapshot[]).map((c) => [c.id, c]))
  const missing = [input.survivor_id, ...merged].filter((id) => !found.has(id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Unknown customer${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`)
  }
  const withLogin = merged.filter((id) => found.get(id)!.has_account)
  if (withLogin.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Customer ${withLogin.join(", ")} has a storefront login; keep that one and merge the others into it`
    )
  }
  return new StepResponse({ survivor: found.get(input.survivor_id)!, merged: merged.map((id) => found.get(id)!) })
})
