import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"

export type InteractionInput = {
  customer_id: string
  branch_id?: string | null
  user_id?: string | null
  channel: "walk_in" | "call" | "whatsapp" | "sms" | "email" | "video" | "home_visit" | "online"
  kind: "enquiry" | "purchase" | "complaint" | "repair" | "follow_up" | "feedback"
  summary: string
  products_of_interest?: string[]
  outcome?: string | null
  follow_up_at?: Date | null
  order_id?: string | null
  occurred_at?: Date
  /** Unique among interactions (the route answers a retry with the one it logged). */
  idempotency_key?: string | null
}

export const createInteractionStep = createStep(
  "create-interaction",
  async (input: InteractionInput, { container }) => {
    const crm: CrmModuleService = container.resolve(CRM_MODULE)
    const interaction = await crm.createInteractions({ ...input, occurred_at: input.occurred_at ?? new Date() })
    return new StepResponse(interaction, interaction.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<CrmModuleService>(CRM_MODULE).deleteInteractions(id)
    }
  }
)
