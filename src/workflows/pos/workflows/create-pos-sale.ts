import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { runLockOwner } from "../../locking"
import { saleFingerprint } from "../../../lib/pos"
import { makePosSaleWorkflow } from "./make-pos-sale"
import { findPosSaleStep } from "../steps/find-pos-sale"
import { saleDiscounts, type PosSaleInput } from "../utils/quote-pos-sale"

/**
 * A counter sale, under locks on its idempotency key and its customer: the
 * same request again answers the sale it made (nothing is sold twice, and a
 * key used for another sale is refused); otherwise makePosSaleWorkflow makes
 * it, and `made` holds the sale as written.
 */
export const createPosSaleWorkflow = createWorkflow("create-pos-sale", (input: PosSaleInput) => {
  const fingerprint = transform({ input }, ({ input }) =>
    saleFingerprint({
      customer_id: input.customer_id,
      branch_id: input.branch_id,
      tag_codes: input.items.flatMap((i) => Array<string>(i.quantity).fill(i.tag_code.trim())),
      points: input.points,
      tenders: input.tenders,
      discounts: saleDiscounts(input),
    })
  )
  const lockKeys = transform({ input }, ({ input }) => [`pos-sale:${input.idempotency_key}`, `pos-customer:${input.customer_id}`])
  const lockOwner = runLockOwner()
  acquireLockStep({ key: lockKeys, timeout: 30, ttl: 120, ownerId: lockOwner })
  const existing = findPosSaleStep(transform({ input, fingerprint }, ({ input, fingerprint }) => ({ idempotency_key: input.idempotency_key, fingerprint })))
  const created = when("new-pos-sale", { existing }, ({ existing }) => !existing).then(() =>
    makePosSaleWorkflow.runAsStep({ input: transform({ input, fingerprint }, ({ input, fingerprint }) => ({ ...input, fingerprint })) })
  )
  releaseLockStep({ key: lockKeys, ownerId: lockOwner })
  return new WorkflowResponse(
    transform({ existing, created }, ({ existing, created }) => ({ sale_id: (existing?.id ?? created?.id)!, replayed: !!existing, made: existing ? null : (created ?? null) }))
  )
})
