import type { MedusaContainer } from "@medusajs/framework/types"
import { normalDesignCode } from "../../../lib/design-products"
import { outstandingFineMg, wastageAllowanceMg } from "../../../lib/karigar"
import type { Metal } from "../../../lib/pricing"
import type { IntakePiece } from "../../../lib/stock-intake"
import { KARIGAR_MODULE } from "../../../modules/karigar"
import type KarigarModuleService from "../../../modules/karigar/service"
import type { IssueRow, ReceiptRow } from "../../../modules/karigar/service"
import { WORKSHOP_MODULE } from "../../../modules/workshop"
import type WorkshopModuleService from "../../../modules/workshop/service"
import { branchDirectory, staffRef, userNames } from "../../utils/directory"
import { toPieceInput } from "../jewelry/helpers"
import type { ReceiptPieceType } from "./validators"

/**
 * The pieces a receipt lists as the intake takes them: one article each at the challan's branch, of the
 * challan's metal and the receipt's purity, numbered from 1 in the order given.
 */
export function receiptIntakePieces(pieces: ReceiptPieceType[], at: { metal: Metal; purity: number; branch_code: string }): IntakePiece[] {
  return pieces.map(({ category, title, cost, price, ...body }, i) => {
    const piece = toPieceInput({ ...body, metal: at.metal, purity: at.purity, stock_unit: "piece" })
    return {
      ...piece,
      row: i + 1,
      tag_code: piece.tag_code.toUpperCase(),
      category: category.toLowerCase(),
      branch: at.branch_code,
      quantity: 1,
      stock_unit: "piece",
      title: title ?? null,
      stone_weight_mg: piece.stone_weight_mg ?? 0,
      stones: piece.stones ?? [],
      wastage_bp: piece.wastage_bp ?? 0,
      other_charges_paise: piece.other_charges_paise ?? 0,
      hsn: piece.hsn ?? "7113",
      huid: piece.huid ?? null,
      design_code: piece.design_code ? normalDesignCode(piece.design_code) : null,
      size: piece.size ?? null,
      pricing_mode: piece.pricing_mode ?? "rate_based",
      ...(price !== undefined ? { fixed_price_paise: price } : {}),
      ...(cost !== undefined ? { cost_paise: cost } : {}),
    }
  })
}

/**
 * Job-work challans as the routes answer them: branch, karigar, job card and staff named; the fine metal still
 * out and the wastage the job allows; with `receipts`, what came back on each.
 */
export async function issueViews(scope: MedusaContainer, issues: IssueRow[], { receipts = false }: { receipts?: boolean } = {}) {
  if (!issues.length) {
    return []
  }
  const karigars: KarigarModuleService = scope.resolve(KARIGAR_MODULE)
  const jobIds = [...new Set(issues.map((i) => i.job_card_id).filter((id): id is string => !!id))]
  const [branches, people, jobs, received] = await Promise.all([
    branchDirectory(scope),
    karigars.listKarigars({ id: [...new Set(issues.map((i) => i.karigar_id))] }, { select: ["id", "name"] }),
    jobIds.length ? scope.resolve<WorkshopModuleService>(WORKSHOP_MODULE).listJobCards({ id: jobIds }, { select: ["id", "number"] }) : [],
    receipts ? karigars.receiptsOf(issues.map((i) => i.id)) : ([] as ReceiptRow[]),
  ])
  const names = await userNames(scope, [...issues.map((i) => i.issued_by), ...received.map((r) => r.received_by)])
  return issues.map((issue) => {
    const branch = branches.find((b) => b.id === issue.branch_id)
    const job = jobs.find((j) => j.id === issue.job_card_id)
    return {
      ...issue,
      branch: { id: issue.branch_id, code: branch?.code ?? "", name: branch?.name ?? issue.branch_id },
      karigar: { id: issue.karigar_id, name: people.find((k) => k.id === issue.karigar_id)?.name ?? issue.karigar_id },
      job_card: job ? { id: job.id, number: job.number } : null,
      issued_by: staffRef(names, issue.issued_by),
      outstanding_mg: outstandingFineMg(issue),
      wastage_allowance_mg: wastageAllowanceMg(issue.fine_weight_mg, issue.allowed_wastage_bps),
      ...(receipts
        ? { receipts: received.filter((r) => r.issue_id === issue.id).map((r) => ({ ...r, received_by: staffRef(names, r.received_by) })) }
        : {}),
    }
  })
}
