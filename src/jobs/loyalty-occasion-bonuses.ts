import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { grantOccasionBonuses } from "../workflows/loyalty"

/** Every day at 09:00 IST (03:30 UTC): birthday and anniversary points (once a year each). */
export default async function loyaltyOccasionBonuses(container: MedusaContainer) {
  const granted = await grantOccasionBonuses(container)
  if (granted) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`loyalty: ${granted} birthday/anniversary bonuses granted`)
  }
}

export const config = {
  name: "loyalty-occasion-bonuses",
  schedule: "30 3 * * *",
}
