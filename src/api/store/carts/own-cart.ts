import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

type MaybeSignedIn = MedusaRequest & { auth_context?: { actor_id?: string } }

/**
 * A customer's cart is theirs alone. Medusa's cart routes take a cart's id as enough to read or change it, so
 * anyone holding the id of a signed-in customer's cart, signed in as someone else or not at all, could read its
 * address and phone, or change it. A cart with a customer answers only to that customer's sign-in; to anyone
 * else it is "not found", as if it did not exist. A guest's cart (no customer with an account yet) stays its
 * id-holder's, as Medusa has it, until a customer takes it (POST /store/carts/:id/customer).
 */
async function refuseOthersCart(req: MaybeSignedIn, cartId: unknown) {
  if (typeof cartId !== "string" || !cartId) {
    return
  }
  const { data } = await req.scope
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "cart", fields: ["id", "customer_id", "customer.has_account"], filters: { id: cartId } })
  const cart = data[0] as { customer_id: string | null; customer?: { has_account: boolean } | null } | undefined
  // A guest's cart with an email has a customer too (Medusa's guest customer, without an account): still the guest's.
  if (cart?.customer_id && cart.customer?.has_account && cart.customer_id !== req.auth_context?.actor_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${cartId} was not found`)
  }
}

/** In front of every /store/carts/:id route (the id in the path, as Express routes it). */
export function ownCartOnly(req: MaybeSignedIn, _res: MedusaResponse, next: MedusaNextFunction) {
  refuseOthersCart(req, req.params.id).then(() => next(), next)
}

/** In front of POST /store/payment-collections (the cart named in the body). */
export function ownCartInBodyOnly(req: MaybeSignedIn, _res: MedusaResponse, next: MedusaNextFunction) {
  refuseOthersCart(req, (req.body as { cart_id?: unknown } | undefined)?.cart_id).then(() => next(), next)
}
