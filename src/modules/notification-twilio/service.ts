import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import twilio from "twilio"
import type RequestClient from "twilio/lib/base/RequestClient"

export type TwilioOptions = {
  account_sid: string
  auth_token: string
  /** Sender for SMS: a number in E.164 or a messaging service SID (MG…). */
  sms_from?: string
  /** WhatsApp sender number in E.164 (without the whatsapp: prefix). */
  whatsapp_from?: string
  /** Where Twilio posts delivery status, e.g. https://shop.example.com/hooks/twilio/status. */
  status_callback_url?: string
  /** Only for tests: the origin of a Twilio-compatible server to use instead of api.twilio.com. */
  api_base?: string
}

/** Sends every request of the official SDK to another origin (a loopback Twilio in tests). */
export class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly origin: URL) {
    super({ timeout: 15_000 })
  }

  request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri)
    uri.protocol = this.origin.protocol
    uri.host = this.origin.host
    return super.request<TData>({ ...opts, uri: uri.toString() })
  }
}

/**
 * SMS and WhatsApp through Twilio's Messages API with the official SDK. A
 * WhatsApp message with `content_sid` goes as an approved content template
 * with its variables; otherwise the rendered body is sent. A failure is
 * thrown as "twilio <http status> <twilio code>: <message>" so the sender
 * can tell a rate limit or outage (retry) from a bad number (do not).
 */
export class TwilioNotificationService extends AbstractNotificationProviderService {
  static identifier = "twilio"

  protected client: twilio.Twilio
  protected options: TwilioOptions
  protected logger: Logger

  static validateOptions(options: Record<string, unknown>) {
    if (!options.account_sid || !options.auth_token) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN")
    }
    if (!options.sms_from && !options.whatsapp_from) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Twilio needs TWILIO_SMS_FROM or TWILIO_WHATSAPP_FROM")
    }
  }

  constructor({ logger }: { logger: Logger }, options: TwilioOptions) {
    super()
    this.options = options
    this.logger = logger
    this.client = twilio(options.account_sid, options.auth_token, {
      ...(options.api_base ? { httpClient: new RedirectingRequestClient(new URL(options.api_base)) } : {}),
    })
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const data = (notification.data ?? {}) as { body?: string; content_sid?: string | null; content_variables?: Record<string, string> | null }
    const whatsapp = notification.channel === "whatsapp"
    const from = whatsapp ? this.options.whatsapp_from : this.options.sms_from
    if (!from) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `twilio 400 0: no sender configured for ${notification.channel}`)
    }
    const params: Parameters<twilio.Twilio["messages"]["create"]>[0] = {
      to: whatsapp ? `whatsapp:${notification.to}` : notification.to,
      ...(from.startsWith("MG") ? { messagingServiceSid: from } : { from: whatsapp ? `whatsapp:${from}` : from }),
      ...(this.options.status_callback_url ? { statusCallback: this.options.status_callback_url } : {}),
      ...(whatsapp && data.content_sid
        ? { contentSid: data.content_sid, contentVariables: JSON.stringify(data.content_variables ?? {}) }
        : { body: data.body ?? "" }),
    }
    try {
      const message = await this.client.messages.create(params)
      return { id: message.sid }
    } catch (err) {
      const e = err as { status?: number; code?: number; message?: string }
      if (typeof e.status === "number") {
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `twilio ${e.status} ${e.code ?? 0}: ${e.message ?? "error"}`)
      }
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `twilio network: ${e.message ?? String(err)}`)
    }
  }
}
