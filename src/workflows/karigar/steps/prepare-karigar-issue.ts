import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fineMetalValuePaise, fineWeightMg } from "../../../lib/karigar"
import { KARIGAR_MODULE } from "../../../modules/karigar"
import type KarigarModuleService from "../../../modules/karigar/service"
import type { CreateIssueInput } from "../../../modules/karigar/service"
import { WORKSHOP_MODULE } from "../../../modules/workshop"
import type WorkshopModuleService from "../../../modules/workshop/service"
import { ratesInForce } from "../../pos/utils/estimate-rates"
import { stockBranch } from "../../stock/utils/branch-stock"

/** What the counter gives for an issue: the challan's fields less what the server works out (its branch code, value, who issued it). */
export type IssueToKarigarInput = Omit<CreateIssueInput, "branch_code" | "value_paise" | "issued_by" | "allowed_wastage_bps" | "due_at"> & {
  /** The job's own; the karigar's when null. */
  allowed_wastage_bps: number | null
  due_at: Date | string | null
  user_id: string | null
}

/**
 * What an issue needs, read and checked before anything is written: the branch, a karigar taking work, the job
 * card (the branch's own, still open) when one is named, the wastage (the job's, else the karigar's), and the
 * value the challan declares at today's rate of the metal.
 */
export const prepareKarigarIssueStep = createStep("prepare-karigar-issue", async (input: IssueToKarigarInput, { container }) => {
  if (input.net_weight_mg > input.gross_weight_mg) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "net_weight cannot be more than gross_weight")
  }
  if (input.form === "metal" && input.net_weight_mg !== input.gross_weight_mg) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "net_weight: metal issued as metal weighs what it weighs; give the same net and gross weight, or issue pieces")
  }
  const [branch, karigar] = await Promise.all([stockBranch(container, input.branch_id), container.resolve<KarigarModuleService>(KARIGAR_MODULE).karigarById(input.karigar_id)])
  if (!karigar.active) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${karigar.name} is marked as taking no work; mark him active first`)
  }
  if (input.job_card_id) {
    const job = await container.resolve<WorkshopModuleService>(WORKSHOP_MODULE).jobById(input.job_card_id)
    if (job.branch_id !== branch.id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `job_card_id: job ${job.number} is another branch's; issue from that branch`)
    }
    if (job.status === "delivered" || job.status === "cancelled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Job ${job.number} was ${job.status}; it takes no more metal`)
    }
  }
  const { rates } = await ratesInForce(container, branch.id)
  const issue: CreateIssueInput = {
    branch_id: branch.id,
    branch_code: branch.code,
    karigar_id: karigar.id,
    job_card_id: input.job_card_id,
    metal: input.metal,
    form: input.form,
    description: input.description,
    purity: input.purity,
    gross_weight_mg: input.gross_weight_mg,
    net_weight_mg: input.net_weight_mg,
    allowed_wastage_bps: input.allowed_wastage_bps ?? karigar.wastage_bps,
    from_old_gold_stock: input.from_old_gold_stock,
    value_paise: fineMetalValuePaise(fineWeightMg(input.net_weight_mg, input.purity), input.metal, rates),
    due_at: input.due_at ? new Date(input.due_at) : null,
    issued_by: input.user_id,
    note: input.note,
    idempotency_key: input.idempotency_key,
  }
  return new StepResponse({ issue, karigar_name: karigar.name })
})
