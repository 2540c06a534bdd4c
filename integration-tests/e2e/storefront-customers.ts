/**
 * The demo customers the storefront's e2e tests sign in as, each file its
 * own number: a number gets one sign-in code each 30 s, so two files
 * signing in with one number would refuse each other.
 */
import { adminApi } from "./browser"

export type PaidOrder = { id: string; display_id: number; customer_id: string | null; payment_status: string }
export type DemoCustomer = { id: string; phone: string; firstName: string; order: PaidOrder }

/** Demo customers with a phone, a first name and a paid order, newest order first. */
export async function* customersWithPaidOrders(token: string): AsyncGenerator<DemoCustomer> {
  const { orders } = await adminApi<{ orders: PaidOrder[] }>(token, "/admin/orders?limit=100&order=-created_at&fields=id,display_id,customer_id,payment_status")
  const seen = new Set<string>()
  for (const order of orders) {
    if (!order.customer_id || order.payment_status !== "captured" || seen.has(order.customer_id)) {
      continue
    }
    seen.add(order.customer_id)
    const { customer } = await adminApi<{ customer: { first_name: string | null; customer_profile?: { phone: string | null } | null } }>(
      token,
      `/admin/customers/${order.customer_id}?fields=first_name,customer_profile.phone`
    )
    if (customer.customer_profile?.phone && customer.first_name) {
      yield { id: order.customer_id, phone: customer.customer_profile.phone, firstName: customer.first_name, order }
    }
  }
}

/** The account test's customer: the first of them. */
export async function accountTestCustomer(token: string): Promise<DemoCustomer | undefined> {
  for await (const customer of customersWithPaidOrders(token)) {
    return customer
  }
  return undefined
}
