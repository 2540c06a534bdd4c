/** GET /admin/reports/sales (docs/reports.md): money paise, weights milligrams. */
export type SalesFigures = {
  bills: number
  /** Pieces sold less pieces returned. */
  pieces: number
  returned_pieces: number
  gross_weight_mg: number
  net_weight_mg: number
  /** Sales before GST, after discounts. */
  revenue_paise: number
  gst_paise: number
  /** revenue + GST. */
  total_paise: number
  discount_paise: number
  making_paise: number
  making_pieces: number
  average_bill_paise: number
  /** Per piece, over the lines that recorded their making charge; null when none did. */
  average_making_paise: number | null
}

export type SalesReportGroup = "total" | "day" | "week" | "month" | "branch" | "channel" | "staff" | "category" | "metal"

export type DayRange = { from: string; to: string }

export type SalesReport = {
  range: DayRange
  group_by: SalesReportGroup
  filters: Record<string, unknown>
  rows: (SalesFigures & { key: string; label: string })[]
  totals: SalesFigures
  previous: { range: DayRange; totals: SalesFigures }
  last_year: { range: DayRange; totals: SalesFigures }
}
