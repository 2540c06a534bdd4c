import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { istToday } from "../../../../lib/pos"
import { rangeInstants, reportRange } from "../../../../lib/report-period"
import { loadReportSections } from "../../../../reports"
import { reportBranches } from "../helpers"
import type { CounterReportQueryType } from "../validators"

/**
 * GET /admin/reports/counter — the counter's own reports for a period and
 * the user's branches, one section each from src/reports/sections (old gold
 * bought, savings schemes; a feature adds its own by adding a file there):
 * headline figures and a table by branch.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as CounterReportQueryType
  const range = reportRange({ from: query.from, to: query.to }, istToday())
  const branchIds = await reportBranches(req, query.branch_id)
  res.json({ range, sections: await loadReportSections(req.scope, { ...rangeInstants(range), branch_ids: branchIds }) })
}
