// Answers declared once for server and admin (src/types/http); the CRM shapes below are the admin's reading of them.
export type { BranchSummary as Branch, MetalRateView as MetalRate, PriceBreakdownView as Breakdown, RepriceJobView as RepriceJob } from "../../types/http"

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
