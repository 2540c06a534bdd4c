export type MetalRateInput = {
  metal: "gold" | "silver" | "platinum"
  purity: number
  rate_per_g_paise: number
  /** Omitted or null: the rate applies shop-wide. */
  branch_id?: string | null
}

export type SetMetalRatesInput = {
  rates: MetalRateInput[]
  effective_from?: Date
  source?: string
  note?: string
  set_by?: string
  /** Required when a rate moves more than 10 % from the one in force. */
  confirm?: boolean
  /** Stored on every row created (see the metal_rate model; the route answers a retry with them). */
  idempotency_key?: string
}
