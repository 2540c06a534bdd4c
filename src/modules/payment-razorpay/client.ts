import { MedusaError } from "@medusajs/framework/utils"
import Razorpay from "razorpay"
import { providerUnavailable } from "../../lib/errors"
import { noAnswerError, razorpayErrorInfo } from "../../lib/razorpay"

type AxiosLike = {
  defaults: { baseURL?: string; timeout?: number }
  interceptors: { response: { use(onFulfilled: undefined, onRejected: (err: unknown) => unknown): number } }
}

export type RazorpayClientOptions = {
  key_id: string
  key_secret: string
  /** Only for tests: the origin of a Razorpay-compatible server instead of api.razorpay.com. */
  api_base?: string
  /** How long a request may take before it counts as Razorpay being unavailable. */
  timeout_ms?: number
}

/**
 * The official SDK, configured: a timeout on every request (the SDK sets
 * none), requests that get no answer reported in the shape of Razorpay's
 * own errors (the SDK would otherwise fail reading a missing response), and
 * for tests another origin. The SDK keeps its HTTP client on `api.rq`.
 */
export function createRazorpayClient(options: RazorpayClientOptions): Razorpay {
  const client = new Razorpay({ key_id: options.key_id, key_secret: options.key_secret })
  const http = (client.api as unknown as { rq: AxiosLike }).rq
  http.defaults.timeout = options.timeout_ms ?? 15_000
  if (options.api_base) {
    http.defaults.baseURL = options.api_base.replace(/\/+$/, "")
  }
  http.interceptors.response.use(undefined, (err) => {
    const e = err as { response?: unknown; code?: string; message?: string }
    if (!e.response) {
      e.response = noAnswerError(e)
    }
    throw e
  })
  return client
}

/**
 * What a failed call to Razorpay means to the shop: Razorpay down or slow → 503 "try again" (nothing was
 * changed); Razorpay refusing the request → 400 with its own description.
 */
export function razorpayFailure(action: string, err: unknown): never {
  if (MedusaError.isMedusaError(err)) {
    throw err
  }
  const info = razorpayErrorInfo(err)
  if (info.unavailable) {
    throw providerUnavailable("Razorpay", info, action)
  }
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Razorpay could not ${action}: ${info.description} (${info.code})`)
}

/** One call to Razorpay through the SDK, its failure read by razorpayFailure. */
export async function callRazorpay<T>(action: string, request: () => Promise<unknown>): Promise<T> {
  try {
    return (await request()) as T
  } catch (err) {
    razorpayFailure(action, err)
  }
}
