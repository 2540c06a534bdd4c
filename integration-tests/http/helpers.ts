import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ensureAdminUser } from "../../src/scripts/demo-shop/admin-user"
import { seedDemoShop } from "../../src/scripts/demo-shop/seed-demo-shop"

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

/** Seeds the demo shop; returns admin headers and the Mumbai storefront's key headers. */
export async function demoShop(container: MedusaContainer, api: Api): Promise<{ auth: Headers; store: Headers }> {
  await seedDemoShop(container)
  const auth = await adminHeaders(container, api)
  const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ title: "Mumbai – Zaveri Bazaar storefront" })
  return { auth, store: { headers: { "x-publishable-api-key": key.token } } }
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
