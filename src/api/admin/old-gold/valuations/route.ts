import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { oldGoldSettings } from "../../../../lib/old-gold"
import { panRequiredFor } from "../../../../lib/pan"
import { readBuyingRatesInForce, valueArticles } from "../../../../workflows/old-gold"
import { assertOwnBranch } from "../../../utils/access"
import type { OldGoldValuationBodyType } from "../validators"

/**
 * POST /admin/old-gold/valuations — what old articles are worth at the branch's buying rates now, line by
 * line, without buying anything (the counter shows it to the customer before the voucher).
 */
export async function POST(req: AuthenticatedMedusaRequest<OldGoldValuationBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  await assertOwnBranch(req, body.branch_id, `Branch "${body.branch_id}"`)
  const settings = oldGoldSettings()
  const { articles, total_paise } = valueArticles(body.articles, await readBuyingRatesInForce(req.scope, body.branch_id), settings)
  res.json({
    articles: articles.map(({ valuation, ...article }) => ({ ...article, ...valuation })),
    total_paise,
    pan_required: panRequiredFor(total_paise),
    melting_loss_bps: settings.melting_loss_bps,
    max_melting_loss_bps: settings.max_melting_loss_bps,
    cash_limit_paise: settings.cash_limit_paise,
  })
}
