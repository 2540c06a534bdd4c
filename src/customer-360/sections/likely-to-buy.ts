import { defineCustomer360Section } from ".."
import { PREFERENCES_MODULE } from "../../modules/preferences"
import type PreferencesModuleService from "../../modules/preferences/service"

/** The designs the preference model ranks highest for the customer, with why; empty before the first training. */
export default defineCustomer360Section({
  id: "likely_to_buy",
  title: "Likely to buy",
  rank: 40,
  async load({ container, customer_id }) {
    const { model, items } = await container.resolve<PreferencesModuleService>(PREFERENCES_MODULE).recommendationsOf(customer_id, 5)
    return {
      model: model ? { id: model.id, trained_at: model.trained_at } : null,
      designs: items.map(({ rank, design_id, title, reason }) => ({ rank, design_id, title, reason })),
    }
  },
})
