import { model } from "@medusajs/framework/utils"

/**
 * What a jeweller knows about a customer beyond Medusa's customer record.
 * Linked 1:1 to the Medusa customer; the core customer table is untouched.
 */
export const CustomerProfile = model
  .define("customer_profile", {
    id: model.id({ prefix: "cprof" }).primaryKey(),
    /** E.164, e.g. +919820012345 (src/lib/phone). */
    phone: model.text().nullable(),
    alternate_phone: model.text().nullable(),
    birthday: model.dateTime().nullable(),
    anniversary: model.dateTime().nullable(),
    ring_size: model.text().nullable(),
    bangle_size: model.text().nullable(),
    preferred_metals: model.array().default([]),
    preferred_purities: model.array().default([]),
    preferred_categories: model.array().default([]),
    budget_band: model.enum(["under_25k", "from_25k_to_1l", "from_1l_to_5l", "above_5l"]).nullable(),
    tags: model.array().default([]),
    home_branch_id: model.text().nullable(),
    assigned_user_id: model.text().nullable(),
    source: model.text().nullable(),
    referred_by_customer_id: model.text().nullable(),
    /** { sms|whatsapp|email: { status: "granted"|"revoked", at, source } } */
    consents: model.json().nullable(),
    /** AES-256-GCM (src/lib/pan); shown masked. */
    pan_encrypted: model.text().nullable(),
    /** ABCDE****F, for display without decrypting. */
    pan_masked: model.text().nullable(),
    notes: model.text().nullable(),
  })
  .indexes([
    { on: ["phone"], unique: true, where: "phone IS NOT NULL AND deleted_at IS NULL" },
    { on: ["alternate_phone"] },
    { on: ["home_branch_id"] },
    { on: ["assigned_user_id"] },
  ])
