import { model } from "@medusajs/framework/utils"

/**
 * A shop branch. Stock lives in the linked Medusa stock location and sales go
 * through the linked sales channel; this record holds what GST invoices and
 * customers need to know about the branch itself.
 */
export const Branch = model
  .define("branch", {
    id: model.id({ prefix: "br" }).primaryKey(),
    /** Short code printed on invoice numbers, e.g. MUM in MUM/26-27/000123 (three letters leave room for 999 999 invoices a year). */
    code: model.text(),
    name: model.text().searchable(),
    gstin: model.text().nullable(),
    /** Two-digit GST state code, e.g. 27 for Maharashtra. */
    state_code: model.text(),
    state_name: model.text(),
    address_1: model.text(),
    address_2: model.text().nullable(),
    city: model.text().searchable(),
    postal_code: model.text(),
    phone: model.text().nullable(),
    email: model.text().nullable(),
    is_active: model.boolean().default(true),
    metadata: model.json().nullable(),
  })
  .indexes([
    { on: ["code"], unique: true, where: "deleted_at IS NULL" },
  ])
