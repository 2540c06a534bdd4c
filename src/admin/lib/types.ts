export type MetalRate = {
  id?: string
  metal: "gold" | "silver" | "platinum"
  purity: number
  karat: string | null
  rate_per_g: number
  rate_per_g_paise: number
  branch_id: string | null
  effective_from: string
  source: string
}

export type RepriceJob = {
  id: string
  trigger: string
  status: "pending" | "running" | "succeeded" | "failed"
  total: number
  processed: number
  failed: number
  error: string | null
  created_at: string
  finished_at: string | null
}

export type Branch = { id: string; code: string; name: string }

export type Breakdown = {
  metal: string
  purity: number
  karat: string | null
  net_weight_g: number
  rate_per_g: number
  rate_source: string
  metal_value: number
  wastage: number
  making_charge: number
  stone_value: number
  other_charges: number
  taxable_value: number
  gst: { hsn: string; rate_percent: number; supply: string; cgst: number; sgst: number; igst: number; total: number }
  total: number
  invoice_total: number
  round_off: number
  priced_at: string | null
}

export type CustomerSummary = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
  has_account?: boolean
  created_at?: string
  customer_profile?: { phone: string | null; birthday?: string | null } | null
  profile?: { phone: string | null; tags?: string[] } | null
}

export type FollowUpTask = {
  id: string
  title: string
  due_at: string
  status: "open" | "done" | "cancelled"
  overdue: boolean
  customer_id: string
  customer: CustomerSummary | null
}

export type Occasion = {
  kind: "birthday" | "anniversary"
  on: { year: number; month: number; day: number }
  in_days: number
  years: number
  phone: string | null
  customer: CustomerSummary | null
}

export type DuplicateGroup = {
  reason: "phone" | "email" | "name_birthday"
  key: string
  customer_ids: string[]
  customers: CustomerSummary[]
}
