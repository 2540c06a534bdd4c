import { z } from "@medusajs/framework/zod"
import { DEFAULT_KARIGAR_WASTAGE_BPS, MAX_KARIGAR_WASTAGE_BPS } from "../../../lib/karigar"
import { normalizePhone } from "../../../lib/phone"
import { findParams, Gstin } from "../../utils/validators"

const Phone = z.string().transform((value, ctx) => {
  try {
    return normalizePhone(value)
  } catch (e) {
    ctx.addIssue({ code: "custom", message: (e as Error).message })
    return z.NEVER
  }
})

/** Basis points of the fine metal issued a job may lose (300 = 3 %). */
export const WastageBps = z
  .number()
  .int("wastage is whole basis points, e.g. 300 for 3 %")
  .min(0, "wastage cannot be negative")
  .max(MAX_KARIGAR_WASTAGE_BPS, `wastage is at most ${MAX_KARIGAR_WASTAGE_BPS} basis points (${MAX_KARIGAR_WASTAGE_BPS / 100} %)`)

const fields = {
  name: z.string().trim().min(1, "name: the karigar's name").max(120),
  phone: Phone.nullable(),
  address: z.string().trim().max(500).nullable(),
  gstin: Gstin.nullable(),
  wastage_bps: WastageBps,
  active: z.boolean(),
  note: z.string().trim().max(500).nullable(),
}

export const AddKarigarBody = z
  .object({
    ...fields,
    phone: fields.phone.default(null),
    address: fields.address.default(null),
    gstin: fields.gstin.default(null),
    wastage_bps: fields.wastage_bps.default(DEFAULT_KARIGAR_WASTAGE_BPS),
    active: fields.active.default(true),
    note: fields.note.default(null),
  })
  .strict()
export type AddKarigarBodyType = z.infer<typeof AddKarigarBody>

export const UpdateKarigarBody = z
  .object(fields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, "Say what to change: name, phone, address, gstin, wastage_bps, active or note")
export type UpdateKarigarBodyType = z.infer<typeof UpdateKarigarBody>

export const ListKarigarsQuery = findParams({ limit: 50, maxLimit: 200 })
  .extend({
    q: z.string().trim().min(1).max(100).optional(),
    active: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  })
  .strict()
export type ListKarigarsQueryType = z.infer<typeof ListKarigarsQuery>
