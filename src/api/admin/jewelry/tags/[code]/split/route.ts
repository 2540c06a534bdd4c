import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { splitPieceWorkflow } from "../../../../../../workflows/jewelry"
import { auditActor } from "../../../../../utils/audit"
import type { SplitTagBodyType } from "../../../validators"

/**
 * POST /admin/jewelry/tags/:code/split — `{ articles: [{ tag_code, huid?, gross_weight_g?, net_weight_g? }] }`: a tag
 * that holds several articles (from before one piece per tag) keeps one, and each other becomes a piece of its own
 * in the same product, in stock where it was (docs/counter.md, "One piece per tag"). 201 with where each went.
 * Counted goods, a tag holding one article, the wrong number of new tags, a hallmarked tag's article without a
 * HUID, a tag or HUID the shop has: 400/409 naming it, nothing written.
 */
export async function POST(req: AuthenticatedMedusaRequest<SplitTagBodyType>, res: MedusaResponse) {
  const { articles } = req.validatedBody
  const { result } = await splitPieceWorkflow(req.scope).run({
    input: {
      tag_code: req.params.code,
      articles: articles.map((a) => ({ tag_code: a.tag_code, huid: a.huid ?? null, gross_weight_mg: a.gross_weight_g, net_weight_mg: a.net_weight_g })),
      actor: auditActor(req),
    },
  })
  res.status(201).json({ split: result })
}
