import { randomBytes } from "node:crypto"
import type http from "node:http"
import { LoopbackServer } from "./loopback-server"
import twilio from "twilio"

export type LoopbackMessage = {
  sid: string
  to: string
  from: string | null
  messaging_service_sid: string | null
  body: string | null
  content_sid: string | null
  content_variables: string | null
  status_callback: string | null
}

type ForcedFailure = { status: number; code: number; message: string }

const E164 = /^\+[1-9]\d{7,14}$/

/**
 * A loopback server that speaks the part of Twilio's REST API we use (the
 * Messages resource: basic auth, form bodies, Twilio's error JSON and codes,
 * 429) and sends delivery callbacks and inbound messages signed the way
 * Twilio signs them (X-Twilio-Signature). The official SDK is pointed at it.
 */
export class TwilioLoopback extends LoopbackServer {
  readonly accountSid = `AC${randomBytes(16).toString("hex")}`
  readonly authToken = randomBytes(16).toString("hex")
  readonly messages: LoopbackMessage[] = []
  /** Answers for the next requests, before any message is made (e.g. a 429, a 500). */
  readonly failNext: ForcedFailure[] = []
  requests = 0

  private error(res: http.ServerResponse, status: number, code: number, message: string) {
    this.reply(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status })
  }

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    this.requests += 1
    const form = new URLSearchParams(raw)
    const path = new URL(req.url ?? "/", "http://loopback").pathname
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString("base64")}`
    if (req.headers.authorization !== expected) {
      return this.error(res, 401, 20003, "Authenticate")
    }
    if (req.method === "GET" && path === `/2010-04-01/Accounts/${this.accountSid}/Messages.json`) {
      return this.list(res, new URL(req.url ?? "/", "http://loopback").searchParams)
    }
    if (req.method !== "POST" || path !== `/2010-04-01/Accounts/${this.accountSid}/Messages.json`) {
      return this.error(res, 404, 20404, `The requested resource ${path} was not found`)
    }
    const forced = this.failNext.shift()
    if (forced) {
      return this.error(res, forced.status, forced.code, forced.message)
    }
    const to = form.get("To") ?? ""
    const number = to.replace(/^whatsapp:/, "")
    if (!E164.test(number)) {
      return this.error(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`)
    }
    if (!form.get("From") && !form.get("MessagingServiceSid")) {
      return this.error(res, 400, 21603, "The 'From' phone number is required.")
    }
    if (!form.get("Body") && !form.get("ContentSid")) {
      return this.error(res, 400, 21602, "Message body is required.")
    }
    const message: LoopbackMessage = {
      sid: `SM${randomBytes(16).toString("hex")}`,
      to,
      from: form.get("From"),
      messaging_service_sid: form.get("MessagingServiceSid"),
      body: form.get("Body"),
      content_sid: form.get("ContentSid"),
      content_variables: form.get("ContentVariables"),
      status_callback: form.get("StatusCallback"),
    }
    this.messages.push(message)
    const now = new Date().toUTCString()
    this.reply(res, 201, {
      sid: message.sid,
      account_sid: this.accountSid,
      to: message.to,
      from: message.from,
      messaging_service_sid: message.messaging_service_sid,
      body: message.body ?? "",
      status: "queued",
      num_segments: "1",
      direction: "outbound-api",
      api_version: "2010-04-01",
      date_created: now,
      date_updated: now,
      date_sent: null,
      error_code: null,
      error_message: null,
      price: null,
      price_unit: "USD",
      uri: `/2010-04-01/Accounts/${this.accountSid}/Messages/${message.sid}.json`,
      subresource_uris: {},
    })
  }

  /**
   * Twilio's message list (newest first, filtered by `To`), one page: how a
   * test in another process reads what was sent, through the official SDK.
   */
  private list(res: http.ServerResponse, query: URLSearchParams) {
    const to = query.get("To")
    const pageSize = Number(query.get("PageSize") ?? 50)
    const messages = this.messages.filter((m) => !to || m.to === to).reverse().slice(0, pageSize)
    const uri = `/2010-04-01/Accounts/${this.accountSid}/Messages.json`
    this.reply(res, 200, {
      messages: messages.map((m) => ({ sid: m.sid, account_sid: this.accountSid, to: m.to, from: m.from, body: m.body ?? "", status: "sent", direction: "outbound-api", api_version: "2010-04-01" })),
      end: Math.max(0, messages.length - 1),
      first_page_uri: uri,
      next_page_uri: null,
      page: 0,
      page_size: pageSize,
      previous_page_uri: null,
      start: 0,
      uri,
    })
  }

  /** Posts form fields to a URL of ours, signed as Twilio signs (or with `signature` given, e.g. a wrong one). */
  async post(url: string, params: Record<string, string>, signature?: string): Promise<{ status: number; text: string }> {
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": signature ?? twilio.getExpectedTwilioSignature(this.authToken, url, params),
      },
      body: new URLSearchParams(params).toString(),
    })
    return { status: res.status, text: await res.text() }
  }

  /** Twilio's status callback for a message it accepted. */
  deliver(url: string, sid: string, status: string, extra: Record<string, string> = {}) {
    const message = this.messages.find((m) => m.sid === sid)
    return this.post(url, {
      AccountSid: this.accountSid,
      MessageSid: sid,
      SmsSid: sid,
      MessageStatus: status,
      SmsStatus: status,
      To: message?.to ?? "",
      From: message?.from ?? "",
      ApiVersion: "2010-04-01",
      ...extra,
    })
  }
}
