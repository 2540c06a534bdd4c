import { z } from "@medusajs/framework/zod"
import { STAFF_ROLES } from "../../../lib/access-matrix"
import { findParams } from "../../utils/validators"

export const AssignStaffBody = z
  .object({
    role: z.enum(STAFF_ROLES),
    branch_ids: z.array(z.string().min(1).max(64)).max(100).default([]),
  })
  .strict()

export type AssignStaffBodyType = z.infer<typeof AssignStaffBody>

export const ListStaffQuery = findParams({ limit: 50, maxLimit: 200 })
  .extend({
    q: z.string().max(200).optional(),
  })
  .strict()

export type ListStaffQueryType = z.infer<typeof ListStaffQuery>
