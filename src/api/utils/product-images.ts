import { z } from "@medusajs/framework/zod"

export const ImageUploadQuery = z
  .object({
    /** What the file names are: tag codes (one piece) or design codes (every piece of the design). */
    by: z.enum(["tag", "design"]),
  })
  .strict()
export type ImageUploadQueryType = z.infer<typeof ImageUploadQuery>

/** Photos per request; the admin page sends a large batch a few at a time and shows the progress. */
export const MAX_IMAGES_PER_REQUEST = 20
