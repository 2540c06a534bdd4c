import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { FulfillmentWorkflowEvents, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { addOrderTransactionStep, createOrderPaymentCollectionWorkflow, createOrdersStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { formatInr, paiseToAmount } from "../../../lib/money"
import { redeemPointsWorkflow } from "../../loyalty/workflows/redeem-points"
import { queueMessageWorkflow } from "../../messaging/workflows/queue-message"
import { claimPosSaleStep } from "../steps/claim-pos-sale"
import { completePosSaleStep } from "../steps/complete-pos-sale"
import { loadPosOrderStep } from "../steps/load-pos-order"
import { preparePosSaleStep } from "../steps/prepare-pos-sale"
import type { PosSaleInput } from "../utils/quote-pos-sale"
import { recordTenderPaymentsStep } from "../steps/record-tender-payments"
import { takeBranchStockStep } from "../steps/take-branch-stock"
import { handOverPosOrderStep } from "../steps/hand-over-pos-order"
import { useOldGoldCreditStep } from "../steps/use-old-gold-credit"
import { redeemSavingsSchemesStep } from "../steps/redeem-savings-schemes"
import { useDiscountApprovalStep } from "../steps/use-discount-approval"
import { useEstimateStep } from "../steps/use-estimate"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { finishMemoTaskStep } from "../../approval-memos/steps/finish-memo-task"
import { noteMemoSaleStep } from "../../approval-memos/steps/note-memo-sale"
import { settleApprovalMemoStep } from "../../approval-memos/steps/settle-approval-memo"
import { moveBranchStockStep } from "../../stock/steps/move-branch-stock"
import { normalTag } from "../../../lib/stock-moves"

export type { PosSaleInput }

const named = (name: string | null, last: string | null) => [name, last].filter(Boolean).join(" ") || "Customer"

/**
 * A counter sale made, all or nothing: everything is checked first (pieces
 * by tag and in stock at the branch, the bill as Medusa totals it, points,
 * tenders adding up to the paisa, change from cash only, the s.269ST cash
 * limit for the day), then the idempotency key is claimed and the sale made
 * the Medusa way — an order in the branch's sales channel, the points
 * redeemed (and any savings scheme set against it), the pieces taken from the branch's stock and handed over
 * (fulfilled and delivered), every tender a payment on the order (a payment
 * link for the part paid later, sent to the customer), order.placed for
 * points and messages. Any step that fails undoes the ones before it. Run
 * by createPosSaleWorkflow, under its locks.
 */
export const makePosSaleWorkflow = createWorkflow("make-pos-sale", (input: PosSaleInput & { fingerprint: string }) => {
  // Pieces bought from an approval memo come back into the branch's stock first; the sale then takes them as any
  // other. The memo must be the customer's at this branch, and each of its pieces on the bill still out, sold whole.
  const fromMemo = when("release-approval-memo", { input }, ({ input }) => !!input.memo_id).then(() => {
    const settled = settleApprovalMemoStep(
      transform({ input }, ({ input }) => {
        const quantities: Record<string, number> = {}
        for (const item of input.items) {
          quantities[normalTag(item.tag_code)] = (quantities[normalTag(item.tag_code)] ?? 0) + item.quantity
        }
        return {
          memo_id: input.memo_id!,
          tags: input.items.map((i) => i.tag_code),
          action: "sell" as const,
          user_id: input.user_id ?? null,
          sale: { key: input.idempotency_key, customer_id: input.customer_id, branch_id: input.branch_id, quantities },
        }
      })
    )
    moveBranchStockStep(
      transform({ settled }, ({ settled }) => ({
        moves: settled.lines.map((l) => ({ tag_code: l.tag_code, inventory_item_id: l.inventory_item_id, location_id: settled.memo.location_id, quantity: l.quantity })),
      }))
    )
    return settled
  })
  const plan = preparePosSaleStep(input)
  const claim = claimPosSaleStep(
    transform({ input, plan }, ({ input, plan }) => ({
      idempotency_key: input.idempotency_key,
      fingerprint: input.fingerprint,
      branch_id: plan.branch.id,
      customer_id: plan.customer.id,
      user_id: input.user_id ?? null,
      note: input.note ?? null,
      ...plan.identity,
    }))
  )
  useEstimateStep(
    transform({ input, plan, claim }, ({ input, plan, claim }) => ({
      estimate_id: input.estimate_id ?? null,
      sale_id: claim.id,
      branch_id: plan.branch.id,
      customer_id: plan.customer.id,
      total_paise: plan.total_paise,
    }))
  )
  const approval = useDiscountApprovalStep(transform({ plan, claim }, ({ plan, claim }) => ({ approval: plan.approval, sale_id: claim.id })))
  useOldGoldCreditStep(transform({ input, plan }, ({ input, plan }) => ({ customer_id: plan.customer.id, tenders: input.tenders })))
  redeemSavingsSchemesStep(transform({ input, plan, claim }, ({ input, plan, claim }) => ({ sale_id: claim.id, branch_id: plan.branch.id, customer_id: plan.customer.id, tenders: input.tenders })))
  // The branch's address in the customer's name, as the order and its fulfilment carry it (no empty fields).
  const address = transform({ plan }, ({ plan }) => Object.fromEntries(Object.entries(plan.address).filter(([, v]) => v !== null)) as Record<string, string>)
  // The order as Medusa's createOrderWorkflow would make it, from what the quote already read (the variants,
  // their prices and GST lines, the branch's channel, the customer): only its order-writing step runs.
  const orders = createOrdersStep([
    transform({ plan, claim, address }, ({ plan, claim, address }) => ({
      region_id: plan.region_id,
      sales_channel_id: plan.branch.sales_channel_id,
      customer_id: plan.customer.id,
      ...(plan.customer.email ? { email: plan.customer.email } : {}),
      currency_code: "inr",
      items: plan.lines.map((l) => l.line_item),
      shipping_address: address,
      billing_address: address,
      shipping_methods: [{ name: plan.shipping_option.name, amount: 0, shipping_option_id: plan.shipping_option.id, tax_lines: plan.shipping_option.tax_lines }],
      metadata: { source: "pos", pos_sale_id: claim.id, branch_id: plan.branch.id, branch_code: plan.branch.code },
    })),
  ])
  const placed = loadPosOrderStep(transform({ orders, plan }, ({ orders, plan }) => ({ order_id: orders[0].id, expected_total_paise: plan.total_paise })))

  when("redeem-pos-points", { plan }, ({ plan }) => plan.points > 0).then(() => {
    redeemPointsWorkflow.runAsStep({
      input: transform({ input, plan, placed }, ({ input, plan, placed }) => ({
        customer_id: plan.customer.id,
        points: plan.points,
        idempotency_key: `pos:${input.idempotency_key}:points`,
        order_total_paise: plan.total_paise,
        order_id: placed.id,
        branch_id: plan.branch.id,
        user_id: input.user_id ?? null,
        reason: `Counter sale, order #${placed.display_id}`,
      })),
    })
  })

  takeBranchStockStep(transform({ plan }, ({ plan }) => ({ lines: plan.lines, location_id: plan.branch.location_id, branch_name: plan.branch.name })))

  const fulfillment = handOverPosOrderStep(
    transform({ placed, plan, input, address }, ({ placed, plan, input, address }) => ({
      order: placed,
      lines: plan.lines,
      location_id: plan.branch.location_id,
      shipping_option: plan.shipping_option,
      address,
      user_id: input.user_id ?? null,
    }))
  )

  const collections = createOrderPaymentCollectionWorkflow.runAsStep({
    input: transform({ placed }, ({ placed }) => ({ order_id: placed.id, amount: paiseToAmount(placed.total_paise) })),
  })
  const payments = recordTenderPaymentsStep(
    transform({ collections, claim, placed, plan }, ({ collections, claim, placed, plan }) => ({
      payment_collection_id: collections[0].id,
      sale_id: claim.id,
      order_display_id: placed.display_id,
      shop_branch: plan.branch.name,
      tenders: plan.settlement.tenders,
      points: plan.points,
      points_paise: plan.points_paise,
      customer: { id: plan.customer.id, name: named(plan.customer.first_name, plan.customer.last_name), email: plan.customer.email, phone: plan.customer.phone },
    }))
  )
  addOrderTransactionStep(
    transform({ payments, placed }, ({ payments, placed }) =>
      payments.tenders
        .filter((t) => t.capture_id)
        .map((t) => ({ order_id: placed.id, amount: paiseToAmount(t.amount_paise), currency_code: "inr", reference: "capture", reference_id: t.capture_id! }))
    )
  )

  const completed = completePosSaleStep(
    transform({ claim, placed, collections, plan, input, payments }, ({ claim, placed, collections, plan, input, payments }) => ({
      sale_id: claim.id,
      order_id: placed.id,
      payment_collection_id: collections[0].id,
      branch_id: plan.branch.id,
      customer_id: plan.customer.id,
      user_id: input.user_id ?? null,
      points: plan.points,
      settlement: plan.settlement,
      tenders: payments.tenders,
      link: payments.link,
      link_channel: input.link_channel ?? null,
    }))
  )

  when("close-approval-memo-sale", { fromMemo }, ({ fromMemo }) => !!fromMemo).then(() => {
    noteMemoSaleStep(transform({ fromMemo, input, placed }, ({ fromMemo, input, placed }) => ({ memo_id: fromMemo!.memo.id, sale_key: input.idempotency_key, order_id: placed.id })))
    finishMemoTaskStep(
      transform({ fromMemo }, ({ fromMemo }) => ({ task_id: fromMemo!.memo.follow_up_task_id, closed: fromMemo!.closed, note: `Approval memo ${fromMemo!.memo.number} closed` }))
    )
  })

  when("send-pos-payment-link", { payments }, ({ payments }) => !!payments.link).then(() => {
    queueMessageWorkflow.runAsStep({
      input: transform({ payments, placed, plan, input }, ({ payments, placed, plan, input }) => ({
        event: "payment_link",
        customer_id: plan.customer.id,
        ...(input.link_channel ? { channel: input.link_channel } : {}),
        variables: { amount: formatInr(payments.link!.amount_paise), order_number: `#${placed.display_id}`, link: payments.link!.short_url },
        idempotency_key: `payment-link:${payments.link!.razorpay_payment_link_id}:sent`,
      })),
    })
  })

  // The events Medusa's fulfilment and delivery workflows send, then the sale's own.
  emitEventStep({
    eventName: OrderWorkflowEvents.FULFILLMENT_CREATED,
    data: transform({ placed, fulfillment }, ({ placed, fulfillment }) => ({ order_id: placed.id, fulfillment_id: fulfillment.id, no_notification: true })),
  }).config({ name: "emit-fulfillment-created" })
  emitEventStep({ eventName: FulfillmentWorkflowEvents.DELIVERY_CREATED, data: transform({ fulfillment }, ({ fulfillment }) => ({ id: fulfillment.id, no_notification: true })) }).config({
    name: "emit-delivery-created",
  })
  emitEventStep({ eventName: "order.placed", data: transform({ placed }, ({ placed }) => ({ id: placed.id })) })
  // Every discount and metal rate of a bill's own given at the counter: who gave it, how much, and who approved it beyond the seller's limits.
  recordAuditStep({
    entries: transform({ plan, claim, input, approval, placed }, ({ plan, claim, input, approval, placed }) =>
      plan.discount.making_discount_paise || plan.discount.bill_discount_paise || plan.discount.rate_changes.length
        ? [
            {
              actor_type: "user",
              actor_id: input.user_id ?? null,
              action: "pos.discount",
              entity: "pos_sale",
              entity_id: claim.id,
              branch_id: plan.branch.id,
              metadata: {
                order_id: placed.id,
                making_discount_paise: plan.discount.making_discount_paise,
                making_discount_bps: plan.discount.making_discount_bps,
                bill_discount_paise: plan.discount.bill_discount_paise,
                rate_changes: plan.discount.rate_changes,
                approval_id: approval?.id ?? null,
                approved_by: approval?.decided_by ?? null,
                reason: approval?.reason ?? null,
              },
            },
          ]
        : []
    ),
  }).config({ name: "audit-pos-discount" })
  // The sale as written, with what the answer shows beside it (no reads after the sale).
  return new WorkflowResponse(
    transform({ completed, placed, plan }, ({ completed, placed, plan }) => ({
      id: completed.sale.id,
      sale: completed.sale,
      order: { id: placed.id, display_id: placed.display_id },
      branch: { id: plan.branch.id, code: plan.branch.code, name: plan.branch.name },
      link: completed.link,
    }))
  )
})
