import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { istDayStart } from "../lib/messaging"
import { CRM_MODULE } from "../modules/crm"
import type CrmModuleService from "../modules/crm/service"
import { queueMessageWorkflow } from "../workflows/messaging"

const DAY = 86_400_000

/**
 * Each staff member with open follow-ups due today (India time) gets one
 * reminder per task, on the phone kept in their user's metadata (`phone`).
 * Staff without a phone number get theirs stored as not sent, with why.
 */
export async function sendFollowUpReminders(container: MedusaContainer, now = new Date()): Promise<number> {
  const start = istDayStart(now)
  const crm: CrmModuleService = container.resolve(CRM_MODULE)
  const tasks = await crm.listFollowUpTasks(
    { status: "open", assignee_user_id: { $ne: null }, due_at: { $gte: start, $lt: new Date(start.getTime() + DAY) } },
    { order: { due_at: "ASC" } }
  )
  if (!tasks.length) {
    return 0
  }
  const [users, customers] = await Promise.all([
    container.resolve(Modules.USER).listUsers({ id: [...new Set(tasks.map((t) => t.assignee_user_id!))] }),
    container.resolve(Modules.CUSTOMER).listCustomers({ id: [...new Set(tasks.map((t) => t.customer_id))] }, { select: ["id", "first_name", "last_name"] }),
  ])
  const day = new Date(start.getTime() + 330 * 60_000).toISOString().slice(0, 10)
  for (const task of tasks) {
    const user = users.find((u) => u.id === task.assignee_user_id)
    const customer = customers.find((c) => c.id === task.customer_id)
    const phone = (user?.metadata as { phone?: string } | null)?.phone ?? null
    await queueMessageWorkflow(container).run({
      input: {
        event: "follow_up_reminder",
        to: phone,
        user_id: task.assignee_user_id,
        variables: {
          staff_name: user?.first_name || user?.email || "team",
          customer_name: [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || "a customer",
          title: task.title,
          due: new Date(task.due_at).toLocaleTimeString("en-IN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Kolkata" }),
        },
        idempotency_key: `task:${task.id}:reminder:${day}`,
      },
    })
  }
  return tasks.length
}

/** Every day at 08:30 IST (03:00 UTC), before the shop opens. */
export default async function followUpRemindersJob(container: MedusaContainer) {
  await sendFollowUpReminders(container)
}

export const config = {
  name: "follow-up-reminders",
  schedule: "0 3 * * *",
}
