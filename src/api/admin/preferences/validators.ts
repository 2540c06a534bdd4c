import { z } from "@medusajs/framework/zod"
import { findParams } from "../../utils/validators"

export const ListPreferenceModelsQuery = findParams({ limit: 20, maxLimit: 100 })
export type ListPreferenceModelsQueryType = z.infer<typeof ListPreferenceModelsQuery>

export const RollbackPreferenceModelBody = z.object({ note: z.string().trim().max(500).optional() }).strict()
export type RollbackPreferenceModelBodyType = z.infer<typeof RollbackPreferenceModelBody>
