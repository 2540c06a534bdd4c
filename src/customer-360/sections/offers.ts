import { activeOffersOf, recentOffersOf } from "../../workflows/offers"
import { defineCustomer360Section } from ".."

/** The customer's offers they can still use (soonest to expire first) and their latest offers of any status. */
export default defineCustomer360Section({
  id: "offers",
  title: "Offers",
  rank: 30,
  async load({ container, customer_id }) {
    const [active, recent] = await Promise.all([
      activeOffersOf(container, customer_id),
      recentOffersOf(container, customer_id, 5),
    ])
    return { active, recent: recent.offers, count: recent.count }
  },
})
