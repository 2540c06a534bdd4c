import { z } from "@medusajs/framework/zod"
import { STAFF_ROLES } from "../../../lib/access-matrix"

export const AssignStaffBody = z
  .object({
    role: z.enum(STAFF_ROLES),
    branch_ids: z.array(z.string().min(1).max(64)).max(100).default([]),
  })
  .strict()

export type AssignStaffBodyType = z.infer<typeof AssignStaffBody>

export const ListStaffQuery = z
  .object({
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export type ListStaffQueryType = z.infer<typeof ListStaffQuery>
