import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { drillStatus, startAppDrill } from "../../../../lib/backup/status"
import { startInBackground } from "../helpers"

/**
 * POST /admin/backups/drill: the restore drill on the newest backup, in the
 * background (docs/operations.md, "The restore drill"); answers 202 with the
 * status to follow on GET /admin/backups (409 while one runs). The outcome is
 * also written into the backup's summary.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  startInBackground(req, res, "backup drill", startAppDrill, drillStatus)
}
