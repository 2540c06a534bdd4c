import { model } from "@medusajs/framework/utils"
import { CampaignRun } from "./campaign-run"
import { Offer } from "./offer"

/**
 * What is offered to whom: an audience (a segment's rules, or the built-in
 * rule of an automatic campaign), the discount, its limits and validity, and
 * how customers are told. Money is paise and percentages basis points, as
 * integers. Each campaign has one Medusa campaign (dates and spend budget)
 * under which its per-customer promotion codes live.
 */
export const Campaign = model
  .define("offer_campaign", {
    id: model.id({ prefix: "ocmp" }).primaryKey(),
    name: model.text(),
    /** manual: run by staff; the others run every day while enabled. */
    kind: model.enum(["manual", "birthday", "anniversary", "winback", "tier_upgrade"]).default("manual"),
    enabled: model.boolean().default(true),
    segment_id: model.text().nullable(),
    /** The audience rule a run evaluates (copied from the segment when the campaign is created). */
    rules: model.json().nullable(),
    offer_type: model.enum(["percentage", "fixed", "making_percentage"]),
    /** Basis points for the percentage types, paise for fixed. */
    offer_value: model.number(),
    /** Largest discount one offer may give, paise. */
    max_discount: model.number().nullable(),
    /** Smallest goods value (before GST) an offer applies to, paise. */
    min_order: model.number().nullable(),
    /** Total discount the campaign may give across all redemptions, paise (Medusa's campaign spend budget). */
    budget: model.number().nullable(),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
    /** Automatic campaigns: how long each offer stays valid after it is issued. */
    valid_days: model.number().nullable(),
    /** Automatic campaigns: { days_ahead } for birthdays/anniversaries, { lapsed_days } for win-back. */
    settings: model.json().nullable(),
    channel: model.enum(["auto", "sms", "whatsapp", "none"]).default("auto"),
    /** The message for this campaign; the shop's offer_issued template when empty. */
    message: model.text().nullable(),
    branch_id: model.text().nullable(),
    status: model.enum(["draft", "scheduled", "running", "finished", "cancelled"]).default("draft"),
    /** A scheduled campaign starts on its own at this time. */
    run_at: model.dateTime().nullable(),
    promotion_campaign_id: model.text().nullable(),
    created_by: model.text().nullable(),
    runs: model.hasMany(() => CampaignRun, { mappedBy: "campaign" }),
    offers: model.hasMany(() => Offer, { mappedBy: "campaign" }),
  })
  .indexes([{ on: ["kind"] }, { on: ["status"] }])
