import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

export type CustomerCart = {
  id: string
  customer_id: string | null
  currency_code: string
  completed_at: Date | null
  total: number
  discount_total: number
  promotions?: { code: string }[]
}

/** A cart of this customer's; another customer's cart is "not found", as if it did not exist. */
export async function findCustomerCart(container: MedusaContainer, cartId: string, customerId: string): Promise<CustomerCart> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "currency_code", "completed_at", "total", "discount_total", "promotions.code"],
    filters: { id: cartId },
  })
  const cart = data[0] as CustomerCart | undefined
  if (!cart || cart.customer_id !== customerId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${cartId} was not found`)
  }
  return cart
}
