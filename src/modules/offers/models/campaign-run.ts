import { model } from "@medusajs/framework/utils"
import { Campaign } from "./campaign"
import { Offer } from "./offer"

/**
 * One pass of a campaign over its audience: the audience is written down as
 * pending offers first, then issued in batches, so a run can be watched,
 * resumed after a crash and repeated without issuing anything twice. A
 * manual campaign has one run ("once"); an automatic one a run a day.
 */
export const CampaignRun = model
  .define("offer_campaign_run", {
    id: model.id({ prefix: "orun" }).primaryKey(),
    campaign: model.belongsTo(() => Campaign, { mappedBy: "runs" }),
    occasion: model.text(),
    /**
     * The campaign's terms when the run started ({ offer_type, offer_value,
     * max_discount, min_order }): its offers keep them, whatever staff change later.
     */
    terms: model.json().nullable(),
    status: model.enum(["pending", "running", "succeeded", "failed", "cancelled"]).default("pending"),
    total: model.number().default(0),
    processed: model.number().default(0),
    issued: model.number().default(0),
    messaged: model.number().default(0),
    /** Customers of the audience who already had an offer of this campaign for this occasion. */
    skipped: model.number().default(0),
    error: model.text().nullable(),
    started_at: model.dateTime().nullable(),
    heartbeat_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    offers: model.hasMany(() => Offer, { mappedBy: "run" }),
  })
  .indexes([{ on: ["campaign_id", "occasion"], unique: true, where: "deleted_at IS NULL" }, { on: ["status"] }])
