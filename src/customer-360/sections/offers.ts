import { customerOffersView } from "../../workflows/offers"
import { defineCustomer360Section } from ".."

/** The customer's offers they can still use (soonest to expire first) and their latest offers of any status. */
export default defineCustomer360Section({
  id: "offers",
  title: "Offers",
  rank: 30,
  load: ({ container, customer_id }) => customerOffersView(container, customer_id, 5),
})
