import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { runLockOwner } from "../../locking"
import { createNewArrivalCallTasksStep } from "../steps/create-new-arrival-call-tasks"
import { findNewArrivalListStep } from "../steps/find-new-arrival-list"
import { planNewArrivalCallsStep } from "../steps/plan-new-arrival-calls"
import { storeNewArrivalListStep } from "../steps/store-new-arrival-list"
import type { CreateNewArrivalCallsInput } from "../utils/new-arrival-types"

/**
 * The new-arrivals call list (docs/preferences.md): for the pieces that came
 * in, each branch's customers most likely to want them as follow-up tasks on
 * that branch's list. One list per key, under a lock on it: a retry, or two
 * runs at once, answer the list made and make no second task.
 */
export const createNewArrivalCallsWorkflow = createWorkflow("create-new-arrival-calls", (input: CreateNewArrivalCallsInput) => {
  const lockKey = transform({ input }, ({ input }) => `new-arrivals:${input.key}`)
  const lockOwner = runLockOwner()
  acquireLockStep({ key: lockKey, timeout: 60, ttl: 300, ownerId: lockOwner })
  const existing = findNewArrivalListStep(transform({ input }, ({ input }) => ({ key: input.key })))
  const created = when("new-arrival-list", { existing }, ({ existing }) => !existing).then(() => {
    const plan = planNewArrivalCallsStep(input)
    const calls = createNewArrivalCallTasksStep(transform({ plan }, ({ plan }) => ({ calls: plan.calls })))
    return storeNewArrivalListStep(
      transform({ input, plan, calls }, ({ input, plan, calls }) => ({ request: input, model_id: plan.model_id, pieces: plan.pieces, calls }))
    )
  })
  releaseLockStep({ key: lockKey, ownerId: lockOwner })
  return new WorkflowResponse(transform({ existing, created }, ({ existing, created }) => ({ list: (existing ?? created)!, replayed: !!existing })))
})
