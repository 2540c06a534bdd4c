type StoredProfile = Record<string, unknown> & { pan_encrypted?: string | null }

/** A profile as staff see it: the PAN masked (ABCDE****F), never the ciphertext. */
export function presentProfile(profile: StoredProfile | null | undefined) {
  if (!profile) {
    return null
  }
  const { pan_encrypted: _cipher, ...rest } = profile
  return rest
}

const STORE_PROFILE_FIELDS = [
  "birthday",
  "anniversary",
  "ring_size",
  "bangle_size",
  "preferred_metals",
  "preferred_purities",
  "preferred_categories",
  "budget_band",
  "consents",
  "phone",
] as const

/** The part of a profile a customer sees about themselves. */
export function presentOwnProfile(profile: Record<string, unknown> | null | undefined) {
  return Object.fromEntries(STORE_PROFILE_FIELDS.map((k) => [k, profile?.[k] ?? null]))
}

/** Consents as given by a channel, stamped with time and source. */
export function stampConsents(consents: Record<string, string | undefined> | undefined, source: string) {
  if (!consents) {
    return undefined
  }
  const at = new Date().toISOString()
  return Object.fromEntries(
    Object.entries(consents)
      .filter(([, status]) => status)
      .map(([channel, status]) => [channel, { status, at, source }])
  )
}
