import { randomUUID } from "node:crypto"
import type http from "node:http"
import { LoopbackServer } from "./loopback-server"

export type GupshupSent = { id: string; destination: string; source: string; app: string; message: { type: string; text?: string } | null; template: { id: string; params: string[] } | null }

/**
 * A loopback server speaking the part of Gupshup's WhatsApp API we use:
 * POST /wa/api/v1/msg and /wa/api/v1/template/msg with the `apikey` header
 * and a form body, answering {status: "submitted", messageId} or Gupshup's
 * error JSON ({status: "error", message}).
 */
export class GupshupLoopback extends LoopbackServer {
  readonly apiKey = `gs-${randomUUID()}`
  readonly sent: GupshupSent[] = []
  readonly failNext: { status: number; message: string }[] = []

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const form = new URLSearchParams(raw)
    const path = new URL(req.url ?? "/", "http://loopback").pathname
    if (req.headers.apikey !== this.apiKey) {
      return this.reply(res, 401, { status: "error", message: "Authentication Failed" })
    }
    if (req.method !== "POST" || !["/wa/api/v1/msg", "/wa/api/v1/template/msg"].includes(path)) {
      return this.reply(res, 404, { status: "error", message: "Not Found" })
    }
    const forced = this.failNext.shift()
    if (forced) {
      return this.reply(res, forced.status, { status: "error", message: forced.message })
    }
    const destination = form.get("destination") ?? ""
    if (!/^\d{10,15}$/.test(destination)) {
      return this.reply(res, 400, { status: "error", message: "Invalid Destination" })
    }
    const parse = (key: string) => {
      try {
        return JSON.parse(form.get(key) ?? "null")
      } catch {
        return null
      }
    }
    const sent: GupshupSent = {
      id: randomUUID(),
      destination,
      source: form.get("source") ?? "",
      app: form.get("src.name") ?? "",
      message: parse("message"),
      template: parse("template"),
    }
    if (!sent.message && !sent.template) {
      return this.reply(res, 400, { status: "error", message: "Message can not be empty" })
    }
    this.sent.push(sent)
    this.reply(res, 202, { status: "submitted", messageId: sent.id })
  }
}
