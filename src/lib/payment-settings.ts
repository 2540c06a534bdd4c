/**
 * Where the shop's payment providers stand: their Medusa ids and the secrets
 * code outside the providers needs (the checkout signature check, the
 * webhook guard), from the same variables medusa-config.ts gives them.
 */
export const RAZORPAY_PROVIDER_ID = "pp_razorpay_razorpay"
/** Medusa serves provider webhooks at /hooks/payment/<this>. */
export const RAZORPAY_WEBHOOK_PROVIDER = "razorpay_razorpay"
export const PAYPAL_PROVIDER_ID = "pp_paypal_paypal"
export const PAYPAL_WEBHOOK_PROVIDER = "paypal_paypal"

export type RazorpaySecrets = { key_id: string; key_secret: string; webhook_secret: string | null }

/** Razorpay's keys when Razorpay is configured (RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET, RAZORPAY_WEBHOOK_SECRET). */
export function razorpaySecrets(env: NodeJS.ProcessEnv = process.env): RazorpaySecrets | null {
  if (!env.RAZORPAY_KEY_ID || !env.RAZORPAY_KEY_SECRET) {
    return null
  }
  return { key_id: env.RAZORPAY_KEY_ID, key_secret: env.RAZORPAY_KEY_SECRET, webhook_secret: env.RAZORPAY_WEBHOOK_SECRET || null }
}

export type PaypalSettings = {
  client_id: string
  client_secret: string
  webhook_id: string | null
  environment: "sandbox" | "production"
  api_base?: string
  timeout_ms?: number
}

/** PayPal's settings when PayPal is configured (PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET, PAYPAL_WEBHOOK_ID, PAYPAL_ENVIRONMENT). */
export function paypalSettings(env: NodeJS.ProcessEnv = process.env): PaypalSettings | null {
  if (!env.PAYPAL_CLIENT_ID || !env.PAYPAL_CLIENT_SECRET) {
    return null
  }
  return {
    client_id: env.PAYPAL_CLIENT_ID,
    client_secret: env.PAYPAL_CLIENT_SECRET,
    webhook_id: env.PAYPAL_WEBHOOK_ID || null,
    environment: env.PAYPAL_ENVIRONMENT === "production" ? "production" : "sandbox",
    api_base: env.PAYPAL_API_BASE || undefined,
    timeout_ms: env.PAYPAL_TIMEOUT_MS ? Number(env.PAYPAL_TIMEOUT_MS) : undefined,
  }
}
