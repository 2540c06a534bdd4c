/** A customer's CRM profile as the workflows take it (creating, importing, updating). */
export type CustomerProfileData = {
  phone?: string | null
  alternate_phone?: string | null
  birthday?: Date | null
  anniversary?: Date | null
  ring_size?: string | null
  bangle_size?: string | null
  preferred_metals?: string[]
  preferred_purities?: string[]
  preferred_categories?: string[]
  budget_band?: "under_25k" | "from_25k_to_1l" | "from_1l_to_5l" | "above_5l" | null
  tags?: string[]
  home_branch_id?: string | null
  assigned_user_id?: string | null
  source?: string | null
  referred_by_customer_id?: string | null
  consents?: Record<string, unknown> | null
  pan_encrypted?: string | null
  pan_masked?: string | null
  notes?: string | null
}
