import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DEFAULT_ALLOWED_LOSS_BPS, type JobKind } from "../../../lib/workshop"
import type { CreateJobInput } from "../../../modules/workshop/service"
import { stockBranch } from "../../stock/utils/branch-stock"

export type ReceiveJobInput = {
  branch_id: string
  customer_id: string
  kind: JobKind
  article: string
  work: string
  gross_weight_in_mg: number
  net_weight_in_mg: number
  customer_material: string | null
  adds_material: boolean
  allowed_loss_bps: number | null
  estimate_paise: number | null
  due_at: Date | string
  karigar_name: string | null
  note: string | null
  user_id: string | null
  idempotency_key: string | null
}

const DAY_MS = 86_400_000

/**
 * What a job card needs, read and checked before anything is written: the branch, the customer, a due date from
 * now to six months on, and for a repair the weight it came in at.
 */
export const prepareJobCardStep = createStep("prepare-job-card", async (input: ReceiveJobInput, { container }) => {
  const due = new Date(input.due_at)
  if (due.getTime() < Date.now() - 60_000 || due.getTime() > Date.now() + 183 * DAY_MS) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "due_at: a job is due from today to six months on")
  }
  if (input.kind === "repair" && input.net_weight_in_mg <= 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "net_weight_in: weigh the article taken in for repair")
  }
  if (input.net_weight_in_mg > input.gross_weight_in_mg) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "net_weight_in cannot be more than gross_weight_in")
  }
  const branch = await stockBranch(container, input.branch_id)
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "customer", fields: ["id"], filters: { id: input.customer_id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer "${input.customer_id}" was not found`)
  }
  const job: CreateJobInput = {
    branch_id: branch.id,
    branch_code: branch.code,
    customer_id: input.customer_id,
    kind: input.kind,
    article: input.article,
    work: input.work,
    gross_weight_in_mg: input.gross_weight_in_mg,
    net_weight_in_mg: input.net_weight_in_mg,
    customer_material: input.customer_material,
    adds_material: input.kind === "custom_order" || input.adds_material,
    allowed_loss_bps: input.allowed_loss_bps ?? DEFAULT_ALLOWED_LOSS_BPS,
    estimate_paise: input.estimate_paise,
    due_at: due,
    karigar_name: input.karigar_name,
    received_by: input.user_id,
    note: input.note,
    idempotency_key: input.idempotency_key,
  }
  return new StepResponse({ job, branch_name: branch.name })
})
