import type { MedusaContainer } from "@medusajs/framework/types"
import { CRM_MODULE } from "../../../modules/crm"
import type CrmModuleService from "../../../modules/crm/service"

/**
 * What an earlier request with an idempotency key logged: the interaction
 * and its follow-up task (null when it has none, or its first attempt has
 * not made it yet); null when nothing was logged with the key.
 */
export async function interactionWithKey(container: MedusaContainer, key: string) {
  const crm = container.resolve<CrmModuleService>(CRM_MODULE)
  const [interaction] = await crm.listInteractions({ idempotency_key: key })
  if (!interaction) {
    return null
  }
  const [task] = await crm.listFollowUpTasks({ interaction_id: interaction.id })
  return { interaction, follow_up_task: task ?? null }
}
