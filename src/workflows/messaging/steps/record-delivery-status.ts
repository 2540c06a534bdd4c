import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { nextDeliveryStatus } from "../../../lib/messaging"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"

export type DeliveryReport = { provider_message_id: string; status: string; error_code?: string | null; error_message?: string | null }

/**
 * Moves a message along by the provider's callback (never backwards: a late
 * "sent" after "delivered" changes nothing). A callback for a message we do
 * not know is logged and ignored. Compensation restores the previous status.
 */
export const recordDeliveryStatusStep = createStep(
  "record-delivery-status",
  async (report: DeliveryReport, { container }) => {
    const messaging: MessagingModuleService = container.resolve(MESSAGING_MODULE)
    const [message] = await messaging.listMessages({ provider_message_id: report.provider_message_id })
    if (!message) {
      container.resolve(ContainerRegistrationKeys.LOGGER).info(`messaging: status "${report.status}" for unknown message ${report.provider_message_id} ignored`)
      return new StepResponse({ known: false, status: null as string | null }, null)
    }
    const next = nextDeliveryStatus(message.status, report.status)
    if (!next) {
      return new StepResponse({ known: true, status: message.status as string | null }, null)
    }
    const failed = next === "failed" || next === "undelivered"
    await messaging.updateMessages({
      id: message.id,
      status: next as "sent",
      ...(next === "delivered" || next === "read" ? { delivered_at: message.delivered_at ?? new Date() } : {}),
      ...(failed ? { error_code: report.error_code ?? null, reason: report.error_message ?? `the provider reported ${report.status}` } : {}),
    })
    return new StepResponse(
      { known: true, status: next as string | null },
      { id: message.id, status: message.status, delivered_at: message.delivered_at, error_code: message.error_code, reason: message.reason }
    )
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<MessagingModuleService>(MESSAGING_MODULE).updateMessages(previous)
    }
  }
)
