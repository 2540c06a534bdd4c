import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import LoyaltyModule from "../modules/loyalty"

/** A customer's points account (read-only link: the account keeps the customer id itself). */
export default defineLink(
  { linkable: CustomerModule.linkable.customer, field: "id" },
  { ...LoyaltyModule.linkable.loyaltyAccount.id, primaryKey: "customer_id" },
  { readOnly: true }
)
