import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { runLockOwner } from "../../locking"
import { promotePreferenceModelStep } from "../steps/promote-preference-model"
import { trainPreferenceModelStep, type TrainPreferenceModelInput } from "../steps/train-preference-model"

/**
 * Trains the preference model on the shop's data and makes it current (docs/preferences.md): one run at a time
 * (a second waits its turn), the model stored with its evaluation and every known customer's top designs before
 * it replaces the current one, which is kept to roll back to. Too little data: refused, the current model kept.
 */
export const trainPreferenceModelWorkflow = createWorkflow("train-preference-model", (input: TrainPreferenceModelInput) => {
  const lockOwner = runLockOwner()
  acquireLockStep({ key: "preference-model-training", timeout: 600, ttl: 1800, ownerId: lockOwner })
  const trained = trainPreferenceModelStep(input)
  promotePreferenceModelStep(transform({ trained }, ({ trained }) => ({ model_id: trained.model_id })))
  releaseLockStep({ key: "preference-model-training", ownerId: lockOwner })
  return new WorkflowResponse(trained)
})
