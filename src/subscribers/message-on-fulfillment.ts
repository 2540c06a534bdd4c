import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { queueMessageWorkflow } from "../workflows/messaging"

type FulfillmentRow = {
  id: string
  location_id: string
  shipping_option?: { type?: { code: string } | null } | null
  labels?: { tracking_number: string | null }[]
}

async function loadFulfillment(container: MedusaContainer, fulfillmentId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: fulfillments }, { data: links }] = await Promise.all([
    query.graph({ entity: "fulfillment", fields: ["id", "location_id", "shipping_option.type.code", "labels.tracking_number"], filters: { id: fulfillmentId } }),
    query.graph({ entity: "order_fulfillment", fields: ["order_id"], filters: { fulfillment_id: fulfillmentId } }),
  ])
  const orderId = (links[0] as { order_id?: string } | undefined)?.order_id
  const { data: orders } = orderId
    ? await query.graph({ entity: "order", fields: ["id", "display_id", "customer_id"], filters: { id: orderId } })
    : { data: [] }
  return {
    fulfillment: fulfillments[0] as unknown as FulfillmentRow | undefined,
    order: orders[0] as unknown as { id: string; display_id: number; customer_id: string | null } | undefined,
  }
}

/**
 * A fulfilment for store pickup (shipping option type "pickup") tells the
 * customer the order is ready at the branch; a shipment of any other tells
 * them it is on its way, with the tracking number. Once per fulfilment.
 */
export default async function messageOnFulfillment({ event, container }: SubscriberArgs<{ fulfillment_id?: string; id?: string; no_notification?: boolean }>) {
  if (event.data.no_notification) {
    return
  }
  const fulfillmentId = event.name === "shipment.created" ? event.data.id : event.data.fulfillment_id
  if (!fulfillmentId) {
    return
  }
  const { fulfillment, order } = await loadFulfillment(container, fulfillmentId)
  if (!fulfillment || !order?.customer_id) {
    return
  }
  const pickup = fulfillment.shipping_option?.type?.code === "pickup"
  if (event.name === "order.fulfillment_created" && pickup) {
    const { data: locations } = await container
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "stock_location", fields: ["name"], filters: { id: fulfillment.location_id } })
    await queueMessageWorkflow(container).run({
      input: {
        event: "order_ready_for_pickup",
        customer_id: order.customer_id,
        variables: { order_number: `#${order.display_id}`, branch_name: (locations[0] as { name?: string } | undefined)?.name ?? "our branch" },
        idempotency_key: `fulfillment:${fulfillment.id}:ready`,
      },
    })
  }
  if (event.name === "shipment.created" && !pickup) {
    await queueMessageWorkflow(container).run({
      input: {
        event: "order_shipped",
        customer_id: order.customer_id,
        variables: { order_number: `#${order.display_id}`, tracking_number: fulfillment.labels?.find((l) => l.tracking_number)?.tracking_number ?? "to follow" },
        idempotency_key: `fulfillment:${fulfillment.id}:shipped`,
      },
    })
  }
}

export const config: SubscriberConfig = {
  event: ["order.fulfillment_created", "shipment.created"],
  context: { subscriberId: "message-on-fulfillment" },
}
