import { model } from "@medusajs/framework/utils"
import { Campaign } from "./campaign"
import { CampaignRun } from "./campaign-run"

/**
 * One customer's offer: an unguessable single-use code. It becomes a Medusa
 * promotion (limited to the customer, usage limit 1, under the campaign's
 * Medusa campaign) when the run issues it or, for large audiences, the
 * first time it is applied to a cart. The customer, campaign and occasion
 * are unique together, so no run issues an offer twice.
 */
export const Offer = model
  .define("offer", {
    id: model.id({ prefix: "offer" }).primaryKey(),
    campaign: model.belongsTo(() => Campaign, { mappedBy: "offers" }),
    /** The run that issued it, whose terms it carries. */
    run: model.belongsTo(() => CampaignRun, { mappedBy: "offers" }),
    customer_id: model.text(),
    /** What the offer is for within its campaign: "once", "birthday:2026", "winback:2026-08-01", "tier:gold". */
    occasion: model.text(),
    code: model.text(),
    status: model.enum(["pending", "issued", "sent", "redeemed", "expired", "cancelled"]).default("pending"),
    promotion_id: model.text().nullable(),
    message_id: model.text().nullable(),
    issued_at: model.dateTime().nullable(),
    expires_at: model.dateTime().nullable(),
    redeemed_at: model.dateTime().nullable(),
    redeemed_order_id: model.text().nullable(),
    /** Of the redeemed order: the discount this code gave and the order's total, in rupees. */
    discount_total: model.bigNumber().nullable(),
    order_total: model.bigNumber().nullable(),
  })
  .indexes([
    { on: ["campaign_id", "customer_id", "occasion"], unique: true, where: "deleted_at IS NULL" },
    { on: ["code"], unique: true, where: "deleted_at IS NULL" },
    // The id last: a batch walks a run's pending offers in id order from where the previous one stopped.
    { on: ["run_id", "status", "id"] },
    { on: ["customer_id", "status"] },
    { on: ["promotion_id"], where: "promotion_id IS NOT NULL" },
  ])
