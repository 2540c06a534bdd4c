import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditEntryInput } from "../../../modules/audit/service"
import type { KarigarInput } from "../../../modules/karigar/service"
import { recordAuditStep } from "../../audit/steps/record-audit"
import type { StockActor } from "../../stock/utils/audit-entries"
import { saveKarigarStep } from "../steps/save-karigar"

/** Adds a karigar (`id` null) or changes one (a name another karigar has: 409); audited with each field changed. */
export const saveKarigarWorkflow = createWorkflow("save-karigar", (input: { id: string | null; details: Partial<KarigarInput>; actor: StockActor }) => {
  const saved = saveKarigarStep(transform({ input }, ({ input }) => ({ id: input.id, details: input.details })))
  recordAuditStep({
    entries: transform({ input, saved }, ({ input, saved }): AuditEntryInput[] => {
      const { before, karigar } = saved
      const fields = (before ? Object.keys(input.details) : ["name"]) as (keyof typeof karigar)[]
      const changes = Object.fromEntries(
        fields.filter((k) => before?.[k] !== karigar[k]).map((k) => [k, { before: before ? before[k] : null, after: karigar[k] }])
      )
      return [{ ...input.actor, action: before ? "karigar.updated" : "karigar.created", entity: "karigar", entity_id: karigar.id, branch_id: null, changes }]
    }),
  })
  return new WorkflowResponse(saved.karigar)
})
