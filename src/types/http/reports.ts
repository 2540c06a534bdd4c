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

/** GET /admin/reports/stock: pieces and weights in stock, valued at today's rates and at their prices, and their age. */
export type StockFigures = {
  pieces: number
  gross_weight_mg: number
  net_weight_mg: number
  /** Net weight at today's rate for its metal and purity at its branch. */
  metal_value_paise: number
  /** Pieces of a metal and purity with no rate today (not in metal_value_paise). */
  unvalued_pieces: number
  /** The pieces' prices as last computed, before GST. */
  price_paise: number
  /** At cost: what the `costed_pieces` cost (the intake's `cost` column); pieces without one are left out of it. */
  cost_paise: number
  costed_pieces: number
  /** Pieces by days since they came into the branch: "0-90", "91-180", "181-365", "365+". */
  ageing: Record<string, number>
}

export type StockReport = {
  as_of: string
  group_by: "total" | "branch" | "category" | "metal" | "age"
  filters: Record<string, unknown>
  ageing_buckets: { key: string; label: string }[]
  rows: (StockFigures & { key: string; label: string })[]
  totals: StockFigures
  dead_stock: {
    count: number
    limit: number
    offset: number
    pieces: { variant_id: string; sku: string | null; title: string; tag_code: string; branch_id: string; branch_name: string; metal: string; purity: number; net_weight_mg: number; pieces: number; price_paise: number | null; in_stock_since: string; days: number }[]
  }
}

/** GET /admin/reports/customers: who bought in a period, the best and the lapsed customers, and cohorts. */
export type CustomerReport = {
  range: DayRange
  lapsed_days: number
  mix: {
    /** Customers who bought in the period; of them, new (first purchase in it) and repeat (two bills or more). */
    customers: number
    new_customers: number
    returning_customers: number
    repeat_customers: number
    repeat_rate: number | null
    revenue_paise: number
    new_revenue_paise: number
  }
  top: { customer_id: string; name: string; bills: number; revenue_paise: number }[]
  lapsed: { count: number; customers: { customer_id: string; name: string; bills: number; lifetime_revenue_paise: number; last_purchase_at: string }[] }
  /** Month 0 is the cohort's first month. */
  cohorts: { cohort: string; size: number; months: { month: number; customers: number; revenue_paise: number }[] }[]
  /** RFM segments (src/lib/rfm.ts) at the period's start and end, and the largest moves between them ("none": a first purchase in the period). */
  rfm: {
    sizes: { segment: string; label: string; start: number; end: number }[]
    moves: { from: string; from_label: string; to: string; to_label: string; customers: number }[]
  }
  /** Birthdays and anniversaries in the period, and those the customer bought within `days` days of. */
  occasions: { days: number; kinds: { kind: "birthday" | "anniversary"; occasions: number; converted: number; conversion_rate: number | null; revenue_paise: number }[] }
}

/** Follow-ups of a staff member at a branch: done in the period (and of them late), open now (and of them overdue). */
export type FollowUpFigures = { done: number; done_late: number; open: number; overdue: number }

/** GET /admin/reports/staff: each staff member's sales and follow-ups, per branch. */
export type StaffReport = {
  range: DayRange
  filters: Record<string, unknown>
  rows: {
    /** "" for sales with no staff member (online) and tasks nobody is assigned. */
    staff_user_id: string
    staff_name: string
    branch_id: string
    branch_name: string
    bills: number
    pieces: number
    net_weight_mg: number
    revenue_paise: number
    average_bill_paise: number
    follow_ups: FollowUpFigures
  }[]
  totals: { bills: number; pieces: number; net_weight_mg: number; revenue_paise: number; average_bill_paise: number; follow_ups: FollowUpFigures }
}

/** GET /admin/reports/loyalty: the points ledger per period with what was outstanding, and the campaigns' results. */
export type LoyaltyReport = {
  range: DayRange
  group_by: "day" | "week" | "month"
  filters: Record<string, unknown>
  /** Paise a point is worth today: the values below are at it. */
  point_value_paise: number
  opening: { points: number; value_paise: number }
  periods: { period: string; issued: number; redeemed: number; expired: number; other: number; net: number; outstanding: number; outstanding_value_paise: number }[]
  totals: { issued: number; redeemed: number; expired: number; other: number; net: number }
  closing: { points: number; value_paise: number }
  campaigns: {
    campaign_id: string
    name: string
    kind: string
    issued: number
    redeemed: number
    revenue_paise: number
    discount_paise: number
    /** Revenue a rupee of discount brought (null without discount). */
    return_on_discount: number | null
  }[]
}

/** GET /admin/reports/movers: designs or categories by how fast they sell against what is in stock. */
export type MoverFigures = {
  key: string
  label: string
  sold: number
  revenue_paise: number
  in_stock: number
  sell_through: number | null
  days_of_cover: number | null
  last_sold_at: string | null
}

export type MoversReport = {
  as_of: string
  days: number
  group_by: "product" | "category"
  filters: Record<string, unknown>
  fast: MoverFigures[]
  slow: MoverFigures[]
}

/** GET /admin/reports/counter: one section a counter feature (src/reports/sections), drawn the same way. */
export type CounterReport = {
  range: DayRange
  sections: (
    | {
        id: string
        title: string
        figures: { label: string; value: number; kind: "count" | "rupees" | "grams" }[]
        table?: { title: string; columns: { header: string; kind: "text" | "count" | "rupees" | "grams" }[]; rows: (string | number | null)[][] }
      }
    | { id: string; title: string; error: string }
  )[]
}

/** GET /admin/reports/stock/history: the stock at the close of each day, from the daily snapshots. */
export type StockHistory = {
  range: { from: string; to: string }
  filters: Record<string, unknown>
  /** Each day's figures as the stock report's (the metal at the rates in force when the snapshot was taken). */
  days: (Omit<StockFigures, "ageing"> & {
    day: string
    /** When the snapshot was taken (soon after the day's end, or when the worker was next up). */
    taken_at: string
    /** Pieces that had been in their branch for over a year. */
    dead_pieces: number
  })[]
}
