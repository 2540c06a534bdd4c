import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import nodemailer, { type Transporter } from "nodemailer"

export type SmtpOptions = {
  /** The mail server: smtps://user:password@smtp.example.com:465, or smtp://…:587 (STARTTLS when the server offers it). */
  url: string
  /** The sender, e.g. "Shree Ganesh Jewellers <accounts@shreeganesh.in>". */
  from: string
}

type SmtpFailure = { responseCode?: number; code?: string; response?: string; message?: string }

/**
 * Email through any mail server (the shop's own, Amazon SES, SendGrid,
 * Google Workspace …) with nodemailer, over a small pool of connections.
 * The message's subject and body go as a plain-text email; a resend of the
 * same message keeps its Message-ID, so mail clients show it once.
 * A failure is thrown as "smtp <reply code> <code>: <message>": the sender
 * retries a 4xx reply or an unreachable server and fails a 5xx (RFC 5321).
 */
export class SmtpNotificationService extends AbstractNotificationProviderService {
  static identifier = "smtp"

  protected transport: Transporter
  protected options: SmtpOptions
  protected logger: Logger
  /** The sender's domain, which ends each Message-ID. */
  protected domain: string

  static validateOptions(options: Record<string, unknown>) {
    if (!options.url || !/^smtps?:\/\//.test(String(options.url))) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "SMTP_URL must look like smtps://user:password@smtp.example.com:465 or smtp://…:587")
    }
    if (!options.from) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "SMTP_FROM is needed with SMTP_URL: the sender, e.g. Shree Ganesh Jewellers <accounts@shreeganesh.in>")
    }
  }

  constructor({ logger }: { logger: Logger }, options: SmtpOptions) {
    super()
    this.options = options
    this.logger = logger
    this.domain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? "jewel-crm.local"
    this.transport = nodemailer.createTransport(options.url + (options.url.includes("?") ? "&" : "?") + "pool=true&maxConnections=3")
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const data = (notification.data ?? {}) as { subject?: string | null; body?: string; message_id?: string }
    try {
      const info = await this.transport.sendMail({
        from: this.options.from,
        to: notification.to,
        subject: data.subject ?? "",
        text: data.body ?? "",
        ...(data.message_id ? { messageId: `<${data.message_id}@${this.domain}>` } : {}),
      })
      return { id: info.messageId }
    } catch (err) {
      const e = err as SmtpFailure
      const text = (e.response ?? e.message ?? String(err)).replace(/\s+/g, " ")
      if (typeof e.responseCode === "number") {
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `smtp ${e.responseCode} ${e.code ?? "0"}: ${text}`)
      }
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `smtp network: ${text}`)
    }
  }
}
