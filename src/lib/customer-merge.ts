/**
 * How two profiles of the same person become one: the surviving profile
 * keeps everything it has; blanks are filled from the duplicates in the
 * order given; lists are united; notes are kept side by side. A second phone
 * number becomes the alternate phone when that is free.
 */

export type MergeableProfile = {
  phone?: string | null
  alternate_phone?: string | null
  birthday?: Date | string | null
  anniversary?: Date | string | null
  ring_size?: string | null
  bangle_size?: string | null
  budget_band?: string | null
  home_branch_id?: string | null
  assigned_user_id?: string | null
  source?: string | null
  referred_by_customer_id?: string | null
  pan_encrypted?: string | null
  pan_masked?: string | null
  preferred_metals?: string[] | null
  preferred_purities?: string[] | null
  preferred_categories?: string[] | null
  tags?: string[] | null
  consents?: Record<string, unknown> | null
  notes?: string | null
}

const SCALARS = [
  "birthday",
  "anniversary",
  "ring_size",
  "bangle_size",
  "budget_band",
  "home_branch_id",
  "assigned_user_id",
  "source",
  "referred_by_customer_id",
] as const
const LISTS = ["preferred_metals", "preferred_purities", "preferred_categories", "tags"] as const

const blank = (value: unknown) => value === null || value === undefined || value === ""

export function mergeProfileFields(
  survivor: MergeableProfile,
  duplicates: MergeableProfile[],
  survivorCustomerId?: string
): { changes: Partial<MergeableProfile>; filled: string[] } {
  const changes: Record<string, unknown> = {}
  const current = (key: keyof MergeableProfile) => (key in changes ? changes[key] : survivor[key])

  for (const duplicate of duplicates) {
    for (const key of SCALARS) {
      const value = duplicate[key]
      if (key === "referred_by_customer_id" && value === survivorCustomerId) {
        continue
      }
      if (blank(current(key)) && !blank(value)) {
        changes[key] = value
      }
    }
    if (blank(current("pan_encrypted")) && !blank(duplicate.pan_encrypted)) {
      changes.pan_encrypted = duplicate.pan_encrypted
      changes.pan_masked = duplicate.pan_masked ?? null
    }
    for (const phone of [duplicate.phone, duplicate.alternate_phone]) {
      if (blank(phone) || phone === current("phone") || phone === current("alternate_phone")) {
        continue
      }
      if (blank(current("phone"))) {
        changes.phone = phone
      } else if (blank(current("alternate_phone"))) {
        changes.alternate_phone = phone
      }
    }
    for (const key of LISTS) {
      const mine = (current(key) as string[] | null | undefined) ?? []
      const united = [...new Set([...mine, ...(duplicate[key] ?? [])])]
      if (united.length !== mine.length) {
        changes[key] = united
      }
    }
    const consents = (current("consents") as Record<string, unknown> | null | undefined) ?? {}
    const added = Object.fromEntries(Object.entries(duplicate.consents ?? {}).filter(([channel]) => !(channel in consents)))
    if (Object.keys(added).length) {
      changes.consents = { ...consents, ...added }
    }
    const notes = (current("notes") as string | null | undefined) ?? ""
    if (!blank(duplicate.notes) && !notes.includes(duplicate.notes!)) {
      changes.notes = notes ? `${notes}\n\n— from a merged duplicate —\n${duplicate.notes}` : duplicate.notes
    }
  }
  return { changes: changes as Partial<MergeableProfile>, filled: Object.keys(changes).filter((k) => k !== "pan_masked") }
}
