import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { appointmentSummary, slotProblem } from "../../../../../lib/appointments"
import { interactionWithKey, logInteractionWorkflow } from "../../../../../workflows/crm"
import type { StoreAppointmentBodyType } from "../../validators"

/**
 * POST /store/customers/me/appointments — the signed-in customer books a
 * visit to a branch, or a video call with it, at a half-hour slot. It lands
 * in the CRM as an interaction of the customer at that branch with a
 * follow-up task for the branch, due at the slot. Booking the same slot at
 * the same branch again answers the first booking (200) and books nothing.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreAppointmentBodyType>, res: MedusaResponse) {
  const { branch_id, kind, variant_id, note } = req.validatedBody
  const slot = new Date(req.validatedBody.slot)
  const problem = slotProblem(slot, new Date())
  if (problem) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: branches }, { data: variants }] = await Promise.all([
    query.graph({ entity: "branch", fields: ["id", "name", "is_active"], filters: { id: branch_id } }),
    variant_id
      ? query.graph({ entity: "product_variant", fields: ["id", "product.title", "product.status"], filters: { id: variant_id } })
      : Promise.resolve({ data: [] as unknown[] }),
  ])
  const branch = branches[0] as { id: string; name: string; is_active?: boolean } | undefined
  if (!branch || branch.is_active === false) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is no branch "${branch_id}" to book at`)
  }
  const variant = variants[0] as { id: string; product?: { title: string; status: string } | null } | undefined
  if (variant_id && (!variant || variant.product?.status !== "published")) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is no piece "${variant_id}" in the shop`)
  }
  const customerId = req.auth_context.actor_id
  const key = `appointment:${customerId}:${branch.id}:${slot.toISOString()}`
  const booked = () => interactionWithKey(req.scope, key)
  const earlier = await booked()
  if (earlier) {
    res.status(200).json({ appointment: present(earlier, branch, kind, slot) })
    return
  }
  try {
    const { result } = await logInteractionWorkflow(req.scope).run({
      input: {
        customer_id: customerId,
        branch_id: branch.id,
        user_id: null,
        channel: kind === "video_call" ? "video" : "online",
        kind: "enquiry",
        summary: appointmentSummary(kind, branch.name, slot, variant?.product?.title ?? null, note ?? null),
        products_of_interest: variant ? [variant.id] : [],
        follow_up_at: slot,
        occurred_at: new Date(),
        idempotency_key: key,
      },
    })
    res.status(201).json({ appointment: present(result, branch, kind, slot) })
  } catch (e) {
    // Two bookings of one slot at once: the key's unique index lets one in; the other answers it.
    const winner = await booked()
    if (!winner) {
      throw e
    }
    res.status(200).json({ appointment: present(winner, branch, kind, slot) })
  }
}

function present(
  booked: { interaction: { id: string; summary: string }; follow_up_task: { id: string } | null },
  branch: { id: string; name: string },
  kind: string,
  slot: Date
) {
  return {
    id: booked.interaction.id,
    kind,
    slot: slot.toISOString(),
    branch: { id: branch.id, name: branch.name },
    summary: booked.interaction.summary,
    follow_up_task_id: booked.follow_up_task?.id ?? null,
  }
}
