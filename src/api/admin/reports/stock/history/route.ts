import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { istToday } from "../../../../../lib/pos"
import { reportRange } from "../../../../../lib/report-period"
import { stockHistory } from "../../../../../modules/analytics/queries/stock-report"
import { reportConnection } from "../../../../../reports/connection"
import type { StockHistory } from "../../../../../types/http"
import { reportBranches } from "../../helpers"
import type { StockHistoryQueryType } from "../../validators"

/**
 * GET /admin/reports/stock/history — the stock at the close of each day of
 * the period (default the last 30), from the daily snapshots: pieces,
 * weights, the metal at that day's rates, at price and at cost, and the
 * pieces then over a year old; filtered by branch, metal, purity and
 * category. Days before the first snapshot are absent.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as StockHistoryQueryType
  const range = reportRange({ from: query.from, to: query.to }, istToday())
  const filters = { branch_ids: await reportBranches(req, query.branch_id), metal: query.metal, purity: query.purity, category: query.category }
  const days = await stockHistory(await reportConnection(req.scope), range, filters)
  const body: StockHistory = {
    range,
    filters: Object.fromEntries(Object.entries({ ...filters, branch_ids: query.branch_id }).filter(([, v]) => v !== undefined)),
    days: days.map((d) => ({ ...d, taken_at: d.taken_at.toISOString() })),
  }
  res.json(body)
}
