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
