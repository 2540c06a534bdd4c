import { MedusaError } from "@medusajs/framework/utils"
import { buyingRateFor, oldArticleProblems, valueOldArticle, type BuyingRate, type OldArticle, type OldGoldPolicy } from "../../../lib/old-gold"
import type { ValuedArticle } from "../../../modules/old-gold/service"

export type ArticleInput = OldArticle & { melting_loss_bps?: number }

/**
 * Values each article at the rates given, or refuses the lot with every problem named by its position
 * (articles[1].tested_purity …): nothing is valued when anything is wrong.
 */
export function valueArticles(articles: ArticleInput[], rates: BuyingRate[], policy: OldGoldPolicy): { articles: ValuedArticle[]; total_paise: number } {
  const problems: string[] = []
  const valued: ValuedArticle[] = []
  articles.forEach((input, index) => {
    const { melting_loss_bps, ...article } = input
    const own = oldArticleProblems(article)
    const rate = own.length ? null : buyingRateFor(rates, article.metal, article.tested_purity)
    if (own.length) {
      problems.push(...own.map((p) => `articles[${index}].${p}`))
    } else if (!rate) {
      problems.push(`articles[${index}]: no buying rate is published for ${article.metal}; publish one under Old gold → Buying rates`)
    } else if (melting_loss_bps !== undefined && melting_loss_bps > policy.max_melting_loss_bps) {
      problems.push(`articles[${index}].melting_loss_bps ${melting_loss_bps} is above the shop's limit of ${policy.max_melting_loss_bps}`)
    } else {
      valued.push({ ...article, valuation: valueOldArticle(article, rate, policy, melting_loss_bps) })
    }
  })
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  }
  return { articles: valued, total_paise: valued.reduce((sum, a) => sum + a.valuation.value_paise, 0) }
}
