import { defineCustomer360Section } from ".."
import { PREFERENCES_MODULE } from "../../modules/preferences"
import type PreferencesModuleService from "../../modules/preferences/service"
import { designPiecesInStock } from "../../workflows/preferences/utils/design-products"

/** Designs shown to staff. */
const DESIGNS = 5

/** Pieces of a design shown to staff: enough to pick from at the counter. */
const PIECES_PER_DESIGN = 3

/**
 * The designs the preference model ranks highest for the customer, with why, and the pieces of each in stock now
 * (at the customer's home branch first, with their tags); empty before the first training.
 */
export default defineCustomer360Section({
  id: "likely_to_buy",
  title: "Likely to buy",
  rank: 40,
  async load({ container, customer_id }) {
    // Side by side: the pieces' read finds the same top designs itself.
    const [{ model, items }, pieces] = await Promise.all([
      container.resolve<PreferencesModuleService>(PREFERENCES_MODULE).recommendationsOf(customer_id, DESIGNS),
      designPiecesInStock(container, { top_of: customer_id, count: DESIGNS }, customer_id, PIECES_PER_DESIGN),
    ])
    return {
      model: model ? { id: model.id, trained_at: model.trained_at } : null,
      designs: items.map(({ rank, design_id, title, reason }) => ({
        rank,
        design_id,
        title,
        reason,
        in_stock: pieces.filter((p) => p.design_id === design_id).map(({ tag_code, branch_code, available }) => ({ tag_code, branch_code, available })),
      })),
    }
  },
})
