import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

export const ListBranchesQuery = createFindParams({ limit: 50, offset: 0, order: "code" })
  .extend({
    q: z.string().trim().min(1).max(100).optional(),
    code: z.union([z.string(), z.array(z.string())]).optional(),
    state_code: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict()

export const RetrieveBranchQuery = z.object({ fields: z.string().optional() }).strict()

export type ListBranchesQueryType = z.infer<typeof ListBranchesQuery>
