import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { mergeProfileFields, type MergeableProfile } from "../../../lib/customer-merge"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"
import type { CustomerSnapshot } from "./load-customers-to-merge"

type Retired = { id: string; phone: string | null; alternate_phone: string | null }
type Undo = { before: ({ id: string } & Record<string, unknown>) | null; retired: Retired[] }
type ProfileUpdate = Parameters<CrmModuleService["updateCustomerProfiles"]>[0]

/**
 * Fills the survivor's blank profile fields from the duplicates' profiles
 * (src/lib/customer-merge) and retires the duplicates' profiles, freeing
 * their phone numbers. Compensation restores every profile as it was.
 */
export const mergeCustomerProfilesStep = createStep(
  "merge-customer-profiles",
  async ({ survivor, merged }: { survivor: CustomerSnapshot; merged: CustomerSnapshot[] }, { container }) => {
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    const survivorProfile = survivor.customer_profile ?? null
    const others = merged.map((c) => c.customer_profile).filter((p): p is NonNullable<typeof p> => !!p)
    if (!others.length) {
      return new StepResponse<{ fields_filled: string[] }, Undo>({ fields_filled: [] }, { before: null, retired: [] })
    }
    const retired: Retired[] = others.map((p) => ({
      id: p.id,
      phone: (p.phone as string | null) ?? null,
      alternate_phone: (p.alternate_phone as string | null) ?? null,
    }))
    // Free the phone numbers first: a phone is unique among live profiles.
    await crm.updateCustomerProfiles(retired.map((p) => ({ id: p.id, phone: null, alternate_phone: null })))
    await crm.softDeleteCustomerProfiles(retired.map((p) => p.id))
    let filled: string[] = []
    let before: Record<string, unknown> | null = null
    if (survivorProfile) {
      const { changes, filled: names } = mergeProfileFields(survivorProfile as MergeableProfile, others as MergeableProfile[], survivor.id)
      filled = names
      if (names.length) {
        before = Object.fromEntries(Object.keys(changes).map((key) => [key, (survivorProfile as Record<string, unknown>)[key] ?? null]))
        await crm.updateCustomerProfiles({ id: survivorProfile.id, ...changes } as unknown as ProfileUpdate)
      }
    }
    return new StepResponse<{ fields_filled: string[] }, Undo>(
      { fields_filled: filled },
      { before: before && survivorProfile ? { id: survivorProfile.id, ...before } : null, retired }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    if (undo.before) {
      await crm.updateCustomerProfiles(undo.before as unknown as ProfileUpdate)
    }
    if (undo.retired.length) {
      await crm.restoreCustomerProfiles(undo.retired.map((p) => p.id))
      await crm.updateCustomerProfiles(undo.retired)
    }
  }
)
