import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { AuditEntryInput } from "../../../modules/audit/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { runLockOwner } from "../../locking"
import { moveBranchStockStep } from "../../stock/steps/move-branch-stock"
import type { StockActor } from "../../stock/utils/audit-entries"
import { preparePieceSplitStep, type SplitArticle } from "../steps/prepare-piece-split"
import { recordPieceCostsStep } from "../steps/record-piece-costs"
import { stockNewPiecesStep } from "../steps/stock-new-pieces"
import { addPiecesToDesignsWorkflow } from "./add-pieces-to-designs"

export type SplitPieceInput = { tag_code: string; articles: SplitArticle[]; actor: StockActor }

/**
 * Puts right a tag that holds several articles (docs/counter.md, "One piece per tag"): it keeps one, and each
 * other article becomes a piece of its own in the same product — its own tag and HUID, the tag's make, priced,
 * with the tag's cost — in stock where it was, out of the tag's stock under Medusa's lock on the item (a sale of
 * it at the same moment takes turns, and a reserved article is not split off). Under a lock on the tag, so two
 * splits take turns and the second finds one article. All undone if a step fails; audited.
 */
export const splitPieceWorkflow = createWorkflow("split-piece", (input: SplitPieceInput) => {
  const key = transform({ input }, ({ input }) => `piece-split:${input.tag_code.trim().toUpperCase()}`)
  const lockOwner = runLockOwner()
  acquireLockStep({ key, timeout: 30, ttl: 120, ownerId: lockOwner })
  const plan = preparePieceSplitStep(transform({ input }, ({ input }) => ({ tag_code: input.tag_code, articles: input.articles })))
  const moved = moveBranchStockStep(
    transform({ plan }, ({ plan }) => ({ moves: plan.moves, leaving: { branch_name: "its branch", refusal: `${plan.tag_code} is not split` } }))
  )
  addPiecesToDesignsWorkflow.runAsStep({ input: { additions: transform({ plan }, ({ plan }) => [plan.addition]) } })
  stockNewPiecesStep(transform({ plan }, ({ plan }) => plan.stock))
  recordPieceCostsStep(transform({ plan }, ({ plan }) => plan.costs))
  recordAuditStep({
    entries: transform({ input, plan, moved }, ({ input, plan, moved }): AuditEntryInput[] => [
      {
        ...input.actor,
        action: "jewelry_piece.split",
        entity: "product_variant",
        entity_id: plan.variant_id,
        branch_id: null,
        changes: { articles_on_tag: { before: plan.stock.length + 1, after: 1 } },
        metadata: { tag_code: plan.tag_code, new_tags: plan.stock.map((s) => s.sku), product_id: plan.product_id, moves: moved.map((m) => ({ location_id: m.location_id, from: m.from, to: m.to })) },
      },
    ]),
  })
  releaseLockStep({ key, ownerId: lockOwner })
  return new WorkflowResponse(transform({ plan }, ({ plan }) => ({ tag_code: plan.tag_code, product_id: plan.product_id, kept_at: plan.keeps_location_id, new_pieces: plan.stock })))
})
