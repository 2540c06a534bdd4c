import { z } from "@medusajs/framework/zod"

export const SignedLinkQuery = z.object({ expires: z.string().max(20).optional(), signature: z.string().max(100).optional() }).strict()

export type SignedLinkQueryType = z.infer<typeof SignedLinkQuery>
