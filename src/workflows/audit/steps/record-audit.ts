import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUDIT_MODULE } from "../../../modules/audit"
import type AuditModuleService from "../../../modules/audit/service"
import type { AuditEntryInput } from "../../../modules/audit/service"

export type RecordAuditInput = { entries: AuditEntryInput[] }

/**
 * Writes audit entries from inside a workflow (webhooks, jobs: the actor is
 * usually "system").
 *
 * No compensation, on purpose: the trail is append-only and the table refuses
 * DELETE, so an entry cannot be taken back. Put this step last, after every
 * step that can fail, so it only runs once the change it describes is done;
 * should a later step still roll the change back, the rollback is a change of
 * its own and is recorded as such rather than erased from the history.
 */
export const recordAuditStep = createStep("record-audit", async ({ entries }: RecordAuditInput, { container }) => {
  const created = await container.resolve<AuditModuleService>(AUDIT_MODULE).record(entries)
  return new StepResponse(created.map((e) => e.id))
})
