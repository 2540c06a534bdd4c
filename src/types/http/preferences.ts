/** A trained preference model as `GET /admin/preferences/models` lists it (docs/preferences.md). */
export type PreferenceModelView = {
  id: string
  status: "training" | "current" | "previous" | "retired"
  trained_at: string
  duration_ms: number
  customers: number
  designs: number
  interactions: number
  parameters: Record<string, number>
  /** The hold-out table, or why there is none. */
  evaluation:
    | {
        k: number
        cutoff: string
        training_interactions: number
        test_customers: number
        designs: number
        rows: { model: string; customers: number; hr_at_k: number; ndcg_at_k: number; coverage: number; cold_item_share: number }[]
      }
    | { skipped: string }
    | null
}

export type PreferenceModelListResponse = { models: PreferenceModelView[]; count: number; limit: number; offset: number }

/** A call on a new-arrivals list: whom, at which branch, about which pieces and why, and its follow-up task. */
export type NewArrivalCallView = {
  customer_id: string
  /** The customer's name now (null when they were deleted since). */
  customer_name: string | null
  branch_id: string
  score: number
  reason: string
  variant_ids: string[]
  titles: string[]
  task_id: string
}

/** A new-arrivals call list as `GET`/`POST /admin/preferences/new-arrivals` answer it (docs/preferences.md). */
export type NewArrivalListView = {
  id: string
  key: string
  since: string | null
  until: string | null
  model_id: string | null
  created_at: string
  pieces: { variant_id: string; title: string; tag_code: string | null; category: string; metal: string; purity: number | null; branch_id: string | null }[]
  calls: NewArrivalCallView[]
  /** Why the list has no calls, when it has none. */
  note: string | null
}

export type LikelyBuyerView = {
  customer_id: string
  name: string
  phone: string | null
  home_branch_id: string | null
  score: number
  reason: string
}
