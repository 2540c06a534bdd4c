import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"

export type GupshupOptions = {
  api_key: string
  /** The Gupshup app name (src.name). */
  app_name: string
  /** The business WhatsApp number, digits with country code (e.g. 917834811114). */
  source: string
  /** Only for tests: the origin of a Gupshup-compatible server instead of https://api.gupshup.io. */
  api_base?: string
}

const DEFAULT_BASE = "https://api.gupshup.io"

/**
 * WhatsApp through Gupshup's HTTP API (POST /wa/api/v1/msg, form body,
 * `apikey` header): the rendered body as a text message, or an approved
 * template (`content_sid` holds the Gupshup template id) with the message's
 * variables as its parameters. Failures are thrown as
 * "gupshup <http status> <code>: <message>" for the sender to classify.
 */
export class GupshupNotificationService extends AbstractNotificationProviderService {
  static identifier = "gupshup"

  protected options: GupshupOptions
  protected logger: Logger

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["api_key", "app_name", "source"]) {
      if (!options[key]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Gupshup needs GUPSHUP_API_KEY, GUPSHUP_APP_NAME and GUPSHUP_SOURCE (${key} is missing)`)
      }
    }
  }

  constructor({ logger }: { logger: Logger }, options: GupshupOptions) {
    super()
    this.options = options
    this.logger = logger
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const data = (notification.data ?? {}) as { body?: string; content_sid?: string | null; content_variables?: Record<string, string> | null; template_params?: string[] }
    const destination = notification.to.replace(/^\+/, "")
    const form = new URLSearchParams({ channel: "whatsapp", source: this.options.source, destination, "src.name": this.options.app_name })
    let path = "/wa/api/v1/msg"
    if (data.content_sid) {
      path = "/wa/api/v1/template/msg"
      form.set("template", JSON.stringify({ id: data.content_sid, params: data.template_params ?? Object.values(data.content_variables ?? {}) }))
    } else {
      form.set("message", JSON.stringify({ type: "text", text: data.body ?? "" }))
    }
    let res: Response
    try {
      res = await fetch(`${(this.options.api_base ?? DEFAULT_BASE).replace(/\/$/, "")}${path}`, {
        method: "POST",
        headers: { apikey: this.options.api_key, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: form.toString(),
        signal: AbortSignal.timeout(15_000),
      })
    } catch (err) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `gupshup network: ${(err as Error).message}`)
    }
    const text = await res.text()
    let answer: { status?: string; messageId?: string; message?: string | { message?: string }; code?: string | number } = {}
    try {
      answer = JSON.parse(text)
    } catch {
      answer = { message: text.slice(0, 200) }
    }
    if (!res.ok || answer.status === "error" || !answer.messageId) {
      const message = typeof answer.message === "string" ? answer.message : (answer.message?.message ?? `HTTP ${res.status}`)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `gupshup ${res.ok ? 400 : res.status} ${answer.code ?? 0}: ${message}`)
    }
    return { id: answer.messageId }
  }
}
