import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { SegmentRule } from "../../../../../lib/segments"
import { previewSegment, segmentRules } from "../../helpers"
import type { SegmentPreviewBodyType } from "../../validators"

/**
 * POST /admin/offers/segments/preview { rules | segment_id, limit?, offset? }
 * — how many customers a segment selects and a page of them, evaluated in SQL.
 */
export async function POST(req: AuthenticatedMedusaRequest<SegmentPreviewBodyType>, res: MedusaResponse) {
  const { rules, segment_id, limit, offset } = req.validatedBody
  const started = Date.now()
  const rule = segment_id ? await segmentRules(req.scope, segment_id) : (rules as SegmentRule)
  const result = await previewSegment(req.scope, rule, { limit, offset })
  res.json({ ...result, limit, offset, took_ms: Date.now() - started })
}
