/** Metal rates, repricing and price breakdowns as the API answers them (admin and storefront read these types). */

export type MetalName = "gold" | "silver" | "platinum"

export type MetalRateView = {
  id: string
  metal: MetalName
  purity: number
  karat: string | null
  /** Rupees per gram, for people; `rate_per_g_paise` for programs. */
  rate_per_g: number
  rate_per_g_paise: number
  branch_id: string | null
  effective_from: Date | string
  source: string
  set_by?: string | null
  note?: string | null
}

export type RepriceJobView = {
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

/** A piece's price, line by line, in rupees (docs/pricing.md). */
export type PriceBreakdownView = {
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
  discount: number
  taxable_value: number
  gst: { hsn: string; rate_percent: number; supply: string; cgst: number; sgst: number; igst: number; total: number }
  total: number
  invoice_total: number
  round_off: number
  priced_at: Date | string | null
}

export type BranchSummary = { id: string; code: string; name: string }

/** A piece's lab certificate as stored on its jewellery attributes and shown to staff (never on the storefront). */
export type CertificateView = {
  file_id: string
  filename: string
  mime_type: string
  size: number
  lab: string | null
  number: string | null
  uploaded_at: string
  uploaded_by: string | null
}
