import { defineCustomer360Section } from ".."
import { MESSAGING_MODULE } from "../../modules/messaging"
import type MessagingModuleService from "../../modules/messaging/service"

/** The SMS and WhatsApp messages sent to the customer (or kept back, with why), newest first. */
export default defineCustomer360Section({
  id: "messages",
  title: "Messages",
  rank: 60,
  async load({ container, customer_id }) {
    const messaging: MessagingModuleService = container.resolve(MESSAGING_MODULE)
    const { messages, count } = await messaging.latestMessagesOf(customer_id, 5)
    return { count, messages }
  },
})
