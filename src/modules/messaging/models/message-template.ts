import { model } from "@medusajs/framework/utils"

/** The shop's wording for an event on a channel in a language; the built-in default applies where none is saved. */
export const MessageTemplate = model
  .define("message_template", {
    id: model.id({ prefix: "mtpl" }).primaryKey(),
    event: model.text(),
    channel: model.enum(["sms", "whatsapp", "email"]),
    language: model.text(),
    body: model.text(),
    /** For WhatsApp: the approved content template (Twilio content SID), filled with the same variables. */
    content_sid: model.text().nullable(),
  })
  .indexes([{ on: ["event", "channel", "language"], unique: true, where: "deleted_at IS NULL" }])
