import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createFollowUpTaskStep } from "../steps/create-follow-up-task"
import { createInteractionStep, type InteractionInput } from "../steps/create-interaction"
import { validateInteractionStep } from "../steps/validate-interaction"

const KIND_LABEL: Record<InteractionInput["kind"], string> = {
  enquiry: "enquiry",
  purchase: "purchase",
  complaint: "complaint",
  repair: "repair",
  follow_up: "follow-up",
  feedback: "feedback",
}

/** Records an interaction; a follow-up date on it also opens a task for the staff member. */
export const logInteractionWorkflow = createWorkflow("log-interaction", (input: InteractionInput) => {
  validateInteractionStep(input)
  const interaction = createInteractionStep(input)
  const task = transform({ input, interaction }, ({ input, interaction }) =>
    input.follow_up_at
      ? {
          customer_id: input.customer_id,
          interaction_id: interaction.id,
          title: `Follow up on the ${KIND_LABEL[input.kind]}: ${input.summary.slice(0, 80)}`,
          due_at: input.follow_up_at,
          assignee_user_id: input.user_id ?? null,
          branch_id: input.branch_id ?? null,
        }
      : null
  )
  const followUp = createFollowUpTaskStep(task)
  return new WorkflowResponse({ interaction, follow_up_task: followUp })
})
