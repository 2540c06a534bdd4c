import type { MedusaContainer } from "@medusajs/framework/types"
import { updateOfferStatuses } from "../workflows/offers"

/** Every ten minutes: offers whose message went out become sent; offers past their date expire. */
export default async function updateOfferStatusesJob(container: MedusaContainer) {
  await updateOfferStatuses(container)
}

export const config = {
  name: "update-offer-statuses",
  schedule: "*/10 * * * *",
}
