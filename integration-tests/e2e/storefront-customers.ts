/**
 * The demo customers the storefront's e2e tests sign in as, each file its
 * own number: a number gets one sign-in code each 30 s, so two files
 * signing in with one number would refuse each other.
 */
import type { Page } from "playwright-core"
import twilio from "twilio"
import { RedirectingRequestClient } from "../../src/modules/notification-twilio/service"
import { waitFor } from "../support/wait"
import { adminApi } from "./browser"

/** The e2e app's SMS, read through Twilio's SDK from the loopback Twilio it sends through (launcher/test.ts). */
const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN, {
  httpClient: new RedirectingRequestClient(new URL(process.env.TWILIO_API_BASE!)),
})

/** The newest SMS to the number's id, to tell a new one from it. */
export async function latestSid(phone: string): Promise<string | undefined> {
  return (await sms.messages.list({ to: phone, limit: 1 }))[0]?.sid
}

/** The code in the newest SMS to the number, once one newer than `after` has come. */
export function codeSentTo(phone: string, after: string | undefined): Promise<string> {
  return waitFor(`a sign-in code at ${phone}`, async () => {
    const [latest] = await sms.messages.list({ to: phone, limit: 1 })
    return latest && latest.sid !== after ? /^(\d{6}) is your /.exec(latest.body)?.[1] : undefined
  })
}

export type PaidOrder = { id: string; display_id: number; customer_id: string | null; payment_status: string }
export type DemoCustomer = { id: string; phone: string; firstName: string; order: PaidOrder }

/**
 * Demo customers with a phone, a first name and a paid order: by their newest
 * orders first, or (`oldestFirst`) by their oldest, which orders the other
 * e2e files place do not reorder.
 */
export async function* customersWithPaidOrders(token: string, oldestFirst = false): AsyncGenerator<DemoCustomer> {
  const { orders } = await adminApi<{ orders: PaidOrder[] }>(token, `/admin/orders?limit=100&order=${oldestFirst ? "" : "-"}created_at&fields=id,display_id,customer_id,payment_status`)
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

/**
 * The account test's customer, the same whichever e2e file ran first (the
 * checkout's order must not make its customer this one: a number gets one
 * sign-in code each 30 s), with their newest paid order, which their account
 * page lists.
 */
export async function accountTestCustomer(token: string): Promise<DemoCustomer | undefined> {
  for await (const customer of customersWithPaidOrders(token, true)) {
    const { orders } = await adminApi<{ orders: PaidOrder[] }>(
      token,
      `/admin/orders?customer_id=${customer.id}&limit=20&order=-created_at&fields=id,display_id,customer_id,payment_status`
    )
    const newest = orders.find((o) => o.payment_status === "captured")
    return newest ? { ...customer, order: newest } : customer
  }
  return undefined
}

/** The bag's delivery form with pickup at the branch, saved; the page is reloaded to show the bag's new total. */
export async function chooseBranchPickup(page: Page, who: { name: string; address: string; city: string; pin: string }) {
  await page.getByRole("radio", { name: /^Pick up/ }).first().check()
  await page.getByLabel("Name", { exact: true }).fill(who.name)
  await page.getByLabel("Address (for delivery; for a pickup, your own)").fill(who.address)
  await page.getByLabel("City").fill(who.city)
  await page.getByLabel("PIN code").fill(who.pin)
  await page.getByRole("button", { name: "Save" }).click()
  await page.getByRole("status").filter({ hasText: "Delivery saved" }).waitFor()
  await page.reload()
}
