import { defineCustomer360Section } from ".."
import { loyaltyView } from "../../workflows/loyalty"

/** Points, tier and recent ledger lines of the customer. */
export default defineCustomer360Section({
  id: "loyalty",
  title: "Loyalty points",
  rank: 10,
  load: ({ container, customer_id }) => loyaltyView(container, customer_id, { history: 5, customerKnown: true }),
})
