import { z } from "@medusajs/framework/zod"
import { CHANNELS, LANGUAGES, MESSAGE_EVENTS } from "../../lib/messaging"

const EVENTS = Object.keys(MESSAGE_EVENTS) as [keyof typeof MESSAGE_EVENTS, ...(keyof typeof MESSAGE_EVENTS)[]]
const Channel = z.enum(CHANNELS as ["sms", "whatsapp"])
const Language = z.enum(LANGUAGES as unknown as ["en", "hi"])
const MESSAGE_STATUSES = ["queued", "sending", "sent", "delivered", "read", "failed", "undelivered", "not_sent"] as const

export const ListMessagesQuery = z
  .object({
    customer_id: z.string().min(1).optional(),
    status: z.enum(MESSAGE_STATUSES).optional(),
    channel: Channel.optional(),
    event: z.enum(EVENTS).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type ListMessagesQueryType = z.infer<typeof ListMessagesQuery>

export const SaveTemplateBody = z
  .object({
    event: z.enum(EVENTS),
    channel: Channel,
    language: Language,
    body: z.string().trim().min(1, "the template is empty").max(1600),
    content_sid: z
      .string()
      .regex(/^HX[0-9a-f]{32}$/, "content_sid must be a Twilio content SID (HX followed by 32 hex digits)")
      .nullable()
      .optional(),
  })
  .strict()
export type SaveTemplateBodyType = z.infer<typeof SaveTemplateBody>

export const PreviewTemplateBody = z
  .object({
    event: z.enum(EVENTS),
    language: Language.default("en"),
    /** The wording to try; by default the saved (or built-in) template. */
    body: z.string().max(1600).optional(),
    channel: Channel.default("sms"),
    variables: z.record(z.string(), z.union([z.string().max(500), z.number()])).default({}),
  })
  .strict()
export type PreviewTemplateBodyType = z.infer<typeof PreviewTemplateBody>

/** Sample values for a preview, so staff see a whole message before real data fills it. */
export const SAMPLE_VARIABLES: Record<string, string> = {
  customer_name: "Meera",
  order_number: "#1042",
  total: "₹72,450.50",
  shop_name: "Shree Ganesh Jewellers",
  invoice_link: "https://shop.example/invoices/1042",
  branch_name: "Zaveri Bazaar, Mumbai",
  tracking_number: "BD123456789IN",
  amount: "₹25,000.00",
  points: "250",
  balance: "1,250",
  expiry_date: "31 March 2027",
  offer: "10% off making charges",
  code: "MEERA-7Q2K",
  valid_until: "15 January 2027",
  staff_name: "Ravi",
  due: "tomorrow 11:00",
  title: "Call about the bridal set",
  metal: "22K gold",
  rate: "₹7,245.00/g",
}
