import type { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DOMAIN_CONFLICT } from "../../../lib/errors"
import { amountToPaise, formatInr } from "../../../lib/money"

export type PosOrder = { id: string; display_id: number; total_paise: number; items: { id: string; variant_id: string; quantity: number }[] }

/**
 * The order Medusa made for the sale, with its line items; its total, as
 * Medusa totals it, must be the bill the tenders were checked against (an
 * order made any other way than the quote reckoned fails the sale, and
 * everything it did is undone). Reads only.
 */
export const loadPosOrderStep = createStep("load-pos-order", async (input: { order_id: string; expected_total_paise: number }, { container }) => {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "display_id", "total", "items.id", "items.variant_id", "items.quantity"],
    filters: { id: input.order_id },
  })
  const order = data[0] as unknown as { id: string; display_id: number; total: BigNumberInput; items: { id: string; variant_id: string; quantity: BigNumberInput }[] }
  const total = amountToPaise(order.total)
  if (total !== input.expected_total_paise) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `The bill changed while the sale was being made (${formatInr(input.expected_total_paise)} → ${formatInr(total)}); nothing was sold — check the prices and try again`,
      DOMAIN_CONFLICT
    )
  }
  return new StepResponse<PosOrder>({
    id: order.id,
    display_id: order.display_id,
    total_paise: total,
    items: order.items.map((i) => ({ id: i.id, variant_id: i.variant_id, quantity: Number(i.quantity) })),
  })
})
