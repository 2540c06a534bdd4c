import { redirect } from "next/navigation"
import { placeOrder } from "../actions"

/**
 * Where PayPal sends the shopper back after they approve the payment (the
 * shop's PayPal settings name this page, from STOREFRONT_URL): the order is
 * placed, and shown. PayPal's `?token=` is not trusted for anything: placing
 * the order asks PayPal itself whether the bag's payment was approved.
 */
export async function GET() {
  const placed = await placeOrder()
  redirect(`/cart?problem=${encodeURIComponent(placed.message)}`)
}
