import { model } from "@medusajs/framework/utils"

/**
 * A karigar: a goldsmith outside the shop (or its own workshop) who makes and mends pieces on job work, a party
 * the shop issues metal to and receives pieces and metal from (src/lib/karigar.ts). Shop-wide: any branch may
 * send him work; each issue belongs to the branch that made it.
 */
export const Karigar = model
  .define("karigar", {
    id: model.id({ prefix: "kgr" }).primaryKey(),
    name: model.text(),
    phone: model.text().nullable(),
    address: model.text().nullable(),
    /** A registered job worker's GSTIN, printed on the challans. */
    gstin: model.text().nullable(),
    /** What his jobs allow as wastage unless a job says otherwise, basis points of the fine metal issued. */
    wastage_bps: model.number(),
    active: model.boolean().default(true),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["name"] }])
