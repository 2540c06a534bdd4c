import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ensureAdminUser } from "../../src/scripts/demo-shop/admin-user"
import { seedDemoShop } from "../../src/scripts/demo-shop/seed-demo-shop"
import { createStaffUser } from "../../src/scripts/demo-shop/seed-staff"
import { offerPaymentProviders } from "../../src/scripts/payments/offer-payment-providers"
import { PDFParse } from "pdf-parse"
import { waitFor } from "../support/wait"

export const ADMIN = { email: "owner@shreeganesh.example", password: "Test-password-1" }

type Api = {
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any; status: number }>
}

/** Creates the admin user (if missing) and returns headers carrying its JWT. */
export async function adminHeaders(container: MedusaContainer, api: Api) {
  await ensureAdminUser(container, ADMIN)
  const { data } = await api.post("/auth/user/emailpass", ADMIN)
  return { headers: { authorization: `Bearer ${data.token}` } }
}

/** Axios rejects non-2xx answers; this returns them instead. */
export async function expectStatus<T extends { response?: { status: number; data: any } }>(
  request: Promise<unknown>
): Promise<{ status: number; data: any }> {
  try {
    const res = (await request) as { status: number; data: any }
    return res
  } catch (err) {
    const response = (err as T).response
    if (!response) {
      throw err
    }
    return response
  }
}

export type Headers = { headers: Record<string, string> }

/** A member of staff of one branch (a salesperson unless `role` says otherwise), signed in: their headers. */
export async function salesStaffHeaders(container: MedusaContainer, api: Api, email: string, branchId: string, role: "sales_staff" | "branch_manager" = "sales_staff"): Promise<Headers> {
  await createStaffUser(container, { email, password: "Staff-password-1", first_name: "Counter", last_name: "Staff", role, branch_ids: [branchId] })
  const { data } = await api.post("/auth/user/emailpass", { email, password: "Staff-password-1" })
  return { headers: { authorization: `Bearer ${data.token}` } }
}

/** The answer of a request that must succeed; a refusal fails the test with its status and message (axios' own error does not survive Jest's workers). */
export async function ok(request: Promise<unknown>): Promise<{ status: number; data: any }> {
  const res = await expectStatus(request)
  if (res.status >= 300) {
    throw new Error(`expected success, got ${res.status}: ${JSON.stringify(res.data)}`)
  }
  return res
}

/**
 * The demo shop: seeded unless the file's database already holds it (a copy
 * of the seeded template, see support/runner.ts); returns admin headers and
 * the Mumbai storefront's key headers. With `payAtStore`, the owner offers
 * "pay at the store" in the India region (what payAndComplete pays with).
 */
export async function demoShop(container: MedusaContainer, api: Api, { payAtStore = false } = {}): Promise<{ auth: Headers; store: Headers }> {
  await seedDemoShop(container)
  // The template was seeded without the file's payment settings: offer what this app has configured.
  await offerPaymentProviders(container)
  const auth = await adminHeaders(container, api)
  const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ title: "Mumbai – Zaveri Bazaar storefront" })
  if (payAtStore) {
    await offerPayAtStore(container, api, auth, true)
  }
  return { auth, store: { headers: { "x-publishable-api-key": key.token } } }
}

/** The owner switches "pay at the store" on (or off) for the India region, through Medusa's admin route as the admin would. */
export async function offerPayAtStore(container: MedusaContainer, api: Api, auth: Headers, on: boolean): Promise<string> {
  const [region] = await container.resolve(Modules.REGION).listRegions({ name: "India" })
  await api.post(`/admin/regions/${region.id}`, { metadata: { ...(region.metadata ?? {}), pay_at_store: on } }, auth)
  return region.id
}

/**
 * Registers a storefront customer with a login (as the storefront's sign-up
 * does) and returns its id and the headers of its signed-in session.
 */
export async function signedInCustomer(
  api: Api,
  store: Headers,
  { email, password, first_name }: { email: string; password: string; first_name: string }
): Promise<{ id: string; me: Headers }> {
  const { data: registered } = await api.post("/auth/customer/emailpass/register", { email, password })
  const { data: created } = await api.post("/store/customers", { email, first_name }, { headers: { ...store.headers, authorization: `Bearer ${registered.token}` } })
  const { data: login } = await api.post("/auth/customer/emailpass", { email, password })
  return { id: created.customer.id, me: { headers: { ...store.headers, authorization: `Bearer ${login.token}` } } }
}

/** Waits until a campaign run has ended (succeeded or failed) and returns it. */
export async function finishedRun(api: StoreApi, auth: Headers, runId: string): Promise<{ status: string; [key: string]: any }> {
  return waitFor(`campaign run ${runId} to finish`, async () => {
    const { data } = await api.get(`/admin/offers/runs/${runId}`, auth)
    return data.run.status === "succeeded" || data.run.status === "failed" ? data.run : undefined
  })
}

type StoreApi = Api & { get: (url: string, config?: unknown) => Promise<{ data: any; status: number }> }

/**
 * A storefront cart holding one 5 g gold coin, with an address and the
 * pick-up (or insured delivery) shipping method: ready for payment. `headers` carry the
 * publishable key, and a customer's session when the cart is theirs.
 */
export async function cartWithCoin(
  api: StoreApi,
  headers: Headers,
  email = "kiran.rao@example.in",
  shipping: "pickup" | "delivery" = "pickup"
): Promise<{ cartId: string; variantId: string }> {
  const { data: regions } = await api.get("/store/regions", headers)
  const { data: products } = await api.get("/store/products?handle=24k-gold-coin&fields=variants.id,variants.sku", headers)
  const coin = products.products[0].variants.find((v: { sku: string }) => v.sku === "COIN-24K-5G")
  const address = { first_name: "Kiran", last_name: "Rao", address_1: "1 MG Road", city: "Mumbai", province: "in-mh", postal_code: "400001", country_code: "in", phone: "+919820055555" }
  const { data: created } = await api.post("/store/carts", { region_id: regions.regions[0].id, email }, headers)
  const cartId = created.cart.id as string
  await api.post(`/store/carts/${cartId}/line-items`, { variant_id: coin.id, quantity: 1 }, headers)
  await api.post(`/store/carts/${cartId}`, { shipping_address: address, billing_address: address }, headers)
  const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, headers)
  const option = options.shipping_options.find((o: { name: string }) => o.name.startsWith("Pick up") === (shipping === "pickup"))
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, headers)
  return { cartId, variantId: coin.id }
}

/**
 * Chooses "pay at the store" (the system provider; the region must offer it,
 * see demoShop) and completes the cart; answers whatever Medusa answers (an
 * order, or the cart and an error). The order awaits its payment:
 * capturePayment takes it, as staff do when the customer pays.
 */
export async function payAndComplete(api: StoreApi, headers: Headers, cartId: string): Promise<{ status: number; data: any }> {
  const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)
  return expectStatus(api.post(`/store/carts/${cartId}/complete`, {}, headers))
}

/** Staff take the order's payment (Medusa's capture of its authorised payment); answers the capture's response. */
export async function capturePayment(api: StoreApi, auth: Headers, orderId: string): Promise<{ status: number; data: any; payment_id: string }> {
  const { data } = await api.get(`/admin/orders/${orderId}?fields=id,payment_collections.payments.id`, auth)
  const paymentId = data.order.payment_collections[0].payments[0].id as string
  const res = await expectStatus(api.post(`/admin/payments/${paymentId}/capture`, {}, auth))
  return { ...res, payment_id: paymentId }
}

/** A PDF's text, whitespace folded to single spaces. */
export async function pdfText(bytes: ArrayBuffer | Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes as ArrayBuffer) })
  const { text } = await parser.getText()
  await parser.destroy()
  return text.replace(/\s+/g, " ")
}
