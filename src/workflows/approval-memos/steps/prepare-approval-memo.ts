import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { defaultDueAt, dueDateProblem, MAX_MEMO_LINES } from "../../../lib/approval-memo"
import { normalTag, repeatedTags } from "../../../lib/stock-moves"
import type { CreateMemoInput } from "../../../modules/approval-memo/service"
import { stockBranch, type StockBranch } from "../../stock/utils/branch-stock"
import { findPiecesByTag } from "../../stock/utils/find-pieces"

export type IssueApprovalMemoInput = {
  branch_id: string
  customer_id: string
  pieces: { tag_code: string; quantity?: number }[]
  due_at: Date | string | null
  note: string | null
  user_id: string | null
  idempotency_key: string | null
}

export type PreparedMemo = { memo: CreateMemoInput; branch: StockBranch; customer_name: string }

/**
 * What an approval memo needs, read and checked before anything is written: the branch with its stock location,
 * the customer, a due date between a day and a month away (three days unless given), and every tag a known piece,
 * listed once. Whether the pieces are free to go is decided under the inventory lock as they leave the stock.
 */
export const prepareApprovalMemoStep = createStep("prepare-approval-memo", async (input: IssueApprovalMemoInput, { container }) => {
  if (!input.pieces.length || input.pieces.length > MAX_MEMO_LINES) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `An approval memo lists 1 to ${MAX_MEMO_LINES} tags, got ${input.pieces.length}`)
  }
  const repeated = repeatedTags(input.pieces.map((p) => p.tag_code))
  if (repeated.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Listed more than once: ${repeated.join(", ")}; give a tag once with its quantity`)
  }
  const now = new Date()
  const dueAt = input.due_at ? new Date(input.due_at) : defaultDueAt(now)
  const late = dueDateProblem(dueAt, now)
  if (late) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, late)
  }
  const branch = await stockBranch(container, input.branch_id)
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "customer", fields: ["id", "first_name", "last_name", "email"], filters: { id: input.customer_id } })
  const customer = data[0] as { id: string; first_name: string | null; last_name: string | null; email: string | null } | undefined
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer "${input.customer_id}" was not found`)
  }
  const found = await findPiecesByTag(container, input.pieces.map((p) => p.tag_code))
  const byTag = new Map(found.map((p) => [normalTag(p.tag_code), p]))
  const unknown = input.pieces.filter((p) => !byTag.has(normalTag(p.tag_code))).map((p) => p.tag_code.trim())
  if (unknown.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `No piece has the tag ${unknown.join(", ")}`)
  }
  const memo: CreateMemoInput = {
    branch_id: branch.id,
    branch_code: branch.code,
    location_id: branch.location_id,
    customer_id: customer.id,
    due_at: dueAt,
    note: input.note,
    user_id: input.user_id,
    idempotency_key: input.idempotency_key,
    lines: input.pieces.map((p) => ({ ...byTag.get(normalTag(p.tag_code))!, quantity: p.quantity ?? 1 })),
  }
  const customerName = [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email || "the customer"
  return new StepResponse<PreparedMemo>({ memo, branch, customer_name: customerName })
})
