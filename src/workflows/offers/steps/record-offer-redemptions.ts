import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFERS_MODULE } from "../../../modules/offers"
import type OffersModuleService from "../../../modules/offers/service"

type Adjustment = { code?: string | null; amount: number }
type OrderRow = {
  id: string
  total: number
  items?: { adjustments?: Adjustment[] | null }[] | null
  shipping_methods?: { adjustments?: Adjustment[] | null }[] | null
}

type Previous = { id: string; status: string; redeemed_at: Date | null; redeemed_order_id: string | null }

/**
 * Finds the offer codes among an order's discounts and marks those offers
 * redeemed by it, with what each code took off and the order's total. An
 * order seen again changes nothing. Compensation restores the offers.
 */
export const recordOfferRedemptionsStep = createStep(
  "record-offer-redemptions",
  async ({ order_id }: { order_id: string }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: ["id", "total", "items.adjustments.code", "items.adjustments.amount", "shipping_methods.adjustments.code", "shipping_methods.adjustments.amount"],
      filters: { id: order_id },
    })
    const order = data[0] as unknown as OrderRow | undefined
    const adjustments = [...(order?.items ?? []), ...(order?.shipping_methods ?? [])].flatMap((line) => line.adjustments ?? [])
    const codes = [...new Set(adjustments.map((a) => a.code).filter((c): c is string => !!c))]
    if (!order || !codes.length) {
      return new StepResponse([] as string[], [] as Previous[])
    }
    const offers: OffersModuleService = container.resolve(OFFERS_MODULE)
    const found = (await offers.listOffers({ code: codes }, { select: ["id", "code", "status", "redeemed_at", "redeemed_order_id"] })).filter(
      (o) => o.redeemed_order_id !== order.id
    )
    if (!found.length) {
      return new StepResponse([] as string[], [] as Previous[])
    }
    const now = new Date()
    await offers.updateOffers(
      found.map((o) => ({
        id: o.id,
        status: "redeemed" as const,
        redeemed_at: now,
        redeemed_order_id: order.id,
        discount_total: MathBN.sum(0, ...adjustments.filter((a) => a.code === o.code).map((a) => a.amount)) as unknown as number,
        order_total: order.total,
      }))
    )
    return new StepResponse(
      found.map((o) => o.id),
      found.map((o) => ({ id: o.id, status: o.status, redeemed_at: o.redeemed_at, redeemed_order_id: o.redeemed_order_id }))
    )
  },
  async (previous, { container }) => {
    if (previous?.length) {
      await container.resolve<OffersModuleService>(OFFERS_MODULE).updateOffers(
        previous.map((p) => ({ ...p, status: p.status as "issued", discount_total: null, order_total: null }))
      )
    }
  }
)
