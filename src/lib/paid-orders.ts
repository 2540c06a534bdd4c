/**
 * Value only for paid orders (docs/security.md): an order earns loyalty
 * points, unlocks its pieces' certificates and gets its GST tax invoice
 * once its payment is captured, never merely because it was placed. And
 * which payment providers the storefront may use: the system provider
 * (`pp_system_default`, which takes no money) only where the owner offers
 * "pay at the store" for the region, the counter's tenders never. Pure
 * functions; money is integer paise.
 */
import { MedusaError } from "@medusajs/framework/utils"

/** Medusa's built-in provider: it "authorises" anything and collects nothing. */
export const SYSTEM_PROVIDER_ID = "pp_system_default"

/** How the system provider is shown to customers where the region offers it. */
export const PAY_AT_STORE_LABEL = "Pay at the store"

/** The region metadata key the owner sets (through Medusa's `POST /admin/regions/:id`) to offer paying at the store. */
export const PAY_AT_STORE_KEY = "pay_at_store"

export type CollectionFacts = { status: string; amount_paise: number; captured_paise: number }

export type OrderPaymentFacts = { status: string; collections: CollectionFacts[] }

/**
 * - paid: every payment collection of the order that is not cancelled is
 *   captured in full (refunds later do not undo this: returns and
 *   cancellations take value back themselves). An order without any
 *   payment collection was recorded outside the checkout and the counter
 *   (imported history, staff's own entries): nothing is awaited from it.
 * - awaiting_payment: something is still to be captured, or every
 *   collection it had was cancelled.
 * - void: cancelled or a draft; it never earns anything.
 */
export type OrderPaymentState = "paid" | "awaiting_payment" | "void"

export function orderPaymentState(order: OrderPaymentFacts): OrderPaymentState {
  if (order.status === "canceled" || order.status === "draft") {
    return "void"
  }
  if (!order.collections.length) {
    return "paid"
  }
  const live = order.collections.filter((c) => c.status !== "canceled")
  if (!live.length) {
    return "awaiting_payment"
  }
  return live.every((c) => c.captured_paise >= c.amount_paise) ? "paid" : "awaiting_payment"
}

export function isOrderPaid(order: OrderPaymentFacts): boolean {
  return orderPaymentState(order) === "paid"
}

/**
 * The same rule in SQL, for queries over many orders (the invoice retry
 * job, the certificate check): true for a paid order aliased `alias`.
 * Amounts are compared in paise, as the rule above does.
 */
export function paidOrderSql(alias: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `not a table alias: ${alias}`)
  }
  const collections = `from order_payment_collection opc join payment_collection pc on pc.id = opc.payment_collection_id and pc.deleted_at is null
      where opc.order_id = ${alias}.id and opc.deleted_at is null`
  return `(${alias}.status not in ('canceled', 'draft') and (
    not exists (select 1 ${collections})
    or (exists (select 1 ${collections} and pc.status <> 'canceled')
        and not exists (select 1 ${collections} and pc.status <> 'canceled' and round(coalesce(pc.captured_amount, 0) * 100) < round(pc.amount * 100)))))`
}

/** Whether a region's metadata offers paying at the store (`true`, or "true" as the admin's metadata editor stores it). */
export function paysAtStore(metadata: Record<string, unknown> | null | undefined): boolean {
  const value = metadata?.[PAY_AT_STORE_KEY]
  return value === true || value === "true"
}

/**
 * Why a storefront customer may not pay with this provider in a region with
 * this metadata (null: they may). `regionName` words the answer; a payment
 * collection that belongs to no cart has no region (null).
 */
export function storefrontProviderRefusal(providerId: string, region: { name: string; metadata: Record<string, unknown> | null } | null): string | null {
  if (providerId.startsWith("pp_instore_")) {
    return `${providerId} is a counter tender and cannot be used at the storefront`
  }
  if (providerId === SYSTEM_PROVIDER_ID && !(region && paysAtStore(region.metadata))) {
    return region
      ? `Paying at the store is not offered in ${region.name}; choose another way to pay`
      : "Paying at the store is only offered for a cart of a region that offers it; choose another way to pay"
  }
  return null
}

/**
 * The providers a storefront lists for a region: the counter's tenders
 * never, the system provider only where the region offers paying at the
 * store, and then labelled as such.
 */
export function storefrontProviders<T extends { id: string }>(providers: T[], metadata: Record<string, unknown> | null | undefined): (T & { label?: string })[] {
  return providers
    .filter((p) => !p.id.startsWith("pp_instore_") && (p.id !== SYSTEM_PROVIDER_ID || paysAtStore(metadata)))
    .map((p) => (p.id === SYSTEM_PROVIDER_ID ? { ...p, label: PAY_AT_STORE_LABEL } : p))
}
