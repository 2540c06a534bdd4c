import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { SegmentRule } from "../../../../../lib/segments"
import { previewSegment, type SegmentPreviewBodyType } from "../../../../utils/segment-preview"

/**
 * POST /admin/offers/segments/preview { rules, limit?, offset? } — how many
 * customers a segment selects and the first page of them, evaluated in SQL.
 */
export async function POST(req: AuthenticatedMedusaRequest<SegmentPreviewBodyType>, res: MedusaResponse) {
  const { rules, limit, offset } = req.validatedBody
  const started = Date.now()
  const result = await previewSegment(req.scope, rules as SegmentRule, { limit, offset })
  res.json({ ...result, limit, offset, took_ms: Date.now() - started })
}
