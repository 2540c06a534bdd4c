import { z } from "@medusajs/framework/zod"
import { CHANNELS, LANGUAGES, MESSAGE_EVENTS, type Channel as ChannelName } from "../../../lib/messaging"
import { findParams } from "../../utils/validators"

const EVENTS = Object.keys(MESSAGE_EVENTS) as [keyof typeof MESSAGE_EVENTS, ...(keyof typeof MESSAGE_EVENTS)[]]

const Channel = z.enum(CHANNELS as [ChannelName, ...ChannelName[]])

const Language = z.enum(LANGUAGES as unknown as ["en", "hi"])

const MESSAGE_STATUSES = ["queued", "sending", "sent", "delivered", "read", "failed", "undelivered", "not_sent"] as const

export const ListMessagesQuery = findParams({ limit: 20, maxLimit: 100 })
  .extend({
    customer_id: z.string().min(1).optional(),
    status: z.enum(MESSAGE_STATUSES).optional(),
    channel: Channel.optional(),
    event: z.enum(EVENTS).optional(),
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
