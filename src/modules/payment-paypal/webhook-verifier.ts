export type PaypalApiOptions = {
  client_id: string
  client_secret: string
  environment?: "sandbox" | "production"
  /** Only for tests: the origin of a PayPal-compatible server. */
  api_base?: string
  timeout_ms?: number
}

export function paypalApiBase(options: PaypalApiOptions): string {
  return (options.api_base ?? (options.environment === "production" ? "https://api-m.paypal.com" : "https://api-m.sandbox.paypal.com")).replace(/\/+$/, "")
}

const HEADERS = ["paypal-auth-algo", "paypal-cert-url", "paypal-transmission-id", "paypal-transmission-sig", "paypal-transmission-time"] as const

/**
 * PayPal's own check of a webhook delivery: POST
 * /v1/notifications/verify-webhook-signature with the transmission headers,
 * the webhook id and the event (the official server SDK has no call for it).
 * Answers whether PayPal vouches for the delivery; throws when PayPal could
 * not be asked.
 */
export class PaypalWebhookVerifier {
  private token?: { value: string; until: number }

  constructor(private readonly options: PaypalApiOptions & { webhook_id?: string }) {}

  private async request(path: string, init: RequestInit): Promise<Response> {
    const res = await fetch(`${paypalApiBase(this.options)}${path}`, { ...init, signal: AbortSignal.timeout(this.options.timeout_ms ?? 15_000) })
    if (res.status >= 500 || res.status === 429) {
      throw Object.assign(new Error(`PayPal answered ${res.status}`), { statusCode: res.status })
    }
    return res
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) {
      return this.token.value
    }
    const res = await this.request("/v1/oauth2/token", {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${this.options.client_id}:${this.options.client_secret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    })
    const body = (await res.json()) as { access_token?: string; expires_in?: number }
    if (!res.ok || !body.access_token) {
      throw Object.assign(new Error(`PayPal refused the credentials (${res.status})`), { statusCode: res.status })
    }
    this.token = { value: body.access_token, until: Date.now() + Math.max(0, (body.expires_in ?? 0) - 60) * 1000 }
    return body.access_token
  }

  async verify(headers: Record<string, unknown>, rawBody: string): Promise<boolean> {
    if (!this.options.webhook_id) {
      return false
    }
    const transmission = Object.fromEntries(HEADERS.map((h) => [h, headers[h]]))
    if (HEADERS.some((h) => typeof transmission[h] !== "string" || !transmission[h])) {
      return false
    }
    let event: unknown
    try {
      event = JSON.parse(rawBody)
    } catch {
      return false
    }
    const res = await this.request("/v1/notifications/verify-webhook-signature", {
      method: "POST",
      headers: { authorization: `Bearer ${await this.accessToken()}`, "content-type": "application/json" },
      body: JSON.stringify({
        auth_algo: transmission["paypal-auth-algo"],
        cert_url: transmission["paypal-cert-url"],
        transmission_id: transmission["paypal-transmission-id"],
        transmission_sig: transmission["paypal-transmission-sig"],
        transmission_time: transmission["paypal-transmission-time"],
        webhook_id: this.options.webhook_id,
        webhook_event: event,
      }),
    })
    const body = (await res.json().catch(() => ({}))) as { verification_status?: string }
    return res.ok && body.verification_status === "SUCCESS"
  }
}
