import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { imageCodeFromFilename } from "../../../../lib/images"
import type { ImageUploadQueryType } from "../validators"
import { attachProductImageWorkflow } from "../../../../workflows/jewelry"
import { uploadedFiles } from "../../../utils/uploads"

type Outcome =
  | { filename: string; code: string | null; status: "attached"; product_ids: string[]; variant_ids: string[]; urls: Record<string, string> }
  | { filename: string; code: string | null; status: "failed"; message: string }

/**
 * POST /admin/jewelry/images?by=tag|design: product photos in bulk, as
 * multipart/form-data `files` (up to 20 a request), each named by its tag or
 * design code (SGJ-RING-22K-7.jpg, SGJ-RING-22K-7__2.jpg for a second). Each
 * photo is attached on its own, with two thumbnails; the answer says per
 * file what happened. 400 when none could be attached.
 */
export async function POST(req: MedusaRequest<unknown, ImageUploadQueryType>, res: MedusaResponse) {
  const { by } = req.validatedQuery
  const files = uploadedFiles(req, "files")
  const outcomes: Outcome[] = []
  // One after another: photos of one product each add to its image list.
  for (const file of files) {
    let code: string | null = null
    try {
      code = imageCodeFromFilename(file.originalname).code
      const { result } = await attachProductImageWorkflow(req.scope).run({
        input: { by, code, filename: file.originalname, content: file.buffer.toString("base64") },
      })
      outcomes.push({ filename: file.originalname, code, status: "attached", product_ids: result.product_ids, variant_ids: result.variant_ids, urls: result.urls })
    } catch (e) {
      const known = e instanceof MedusaError || (e as { type?: string }).type !== undefined
      outcomes.push({ filename: file.originalname, code, status: "failed", message: known ? (e as Error).message : `could not be stored: ${(e as Error).message}` })
    }
  }
  const attached = outcomes.filter((o) => o.status === "attached").length
  res.status(attached ? 200 : 400).json({
    ...(attached ? {} : { type: MedusaError.Types.INVALID_DATA, message: `None of the ${outcomes.length} photos could be attached` }),
    attached,
    failed: outcomes.length - attached,
    results: outcomes,
  })
}
