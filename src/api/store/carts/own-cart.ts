import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

type MaybeSignedIn = MedusaRequest & { auth_context?: { actor_id?: string } }

/**
 * A customer's cart is not another customer's. Medusa's cart routes take a cart's id as enough to read or change
 * it, so a customer signed in as themselves but holding the id of another customer's cart could read its address
 * and phone, or change it. A cart of a customer with an account answers 404 to any other customer's sign-in, as
 * if it did not exist. Without a sign-in the cart stays its id-holder's, as Medusa has it: a guest's checkout
 * (whose cart Medusa gives the customer of the email typed, account or not) goes on.
 */
async function refuseOthersCart(req: MaybeSignedIn, cartId: unknown) {
  const actor = req.auth_context?.actor_id
  if (!actor || typeof cartId !== "string" || !cartId) {
    return
  }
  const { data } = await req.scope
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "cart", fields: ["id", "customer_id", "customer.has_account"], filters: { id: cartId } })
  const cart = data[0] as { customer_id: string | null; customer?: { has_account: boolean } | null } | undefined
  // A guest's cart with an email has a customer too (Medusa's guest customer, without an account): anyone's to take.
  if (cart?.customer_id && cart.customer?.has_account && cart.customer_id !== actor) {
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
