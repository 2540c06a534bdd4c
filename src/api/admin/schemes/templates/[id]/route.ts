import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setSchemeTemplateOfferedWorkflow } from "../../../../../workflows/savings-schemes"
import { templateView } from "../route"
import type { SchemeTemplateUpdateBodyType } from "../../validators"

/**
 * POST /admin/schemes/templates/:id — `{ active: false }` stops offering a scheme (running cards go on, on the
 * terms they were sold on), `{ active: true }` offers it again. A scheme's terms never change: offer a new one.
 */
export async function POST(req: AuthenticatedMedusaRequest<SchemeTemplateUpdateBodyType>, res: MedusaResponse) {
  const { result } = await setSchemeTemplateOfferedWorkflow(req.scope).run({ input: { id: req.params.id, active: req.validatedBody.active } })
  res.json({ template: templateView(result as unknown as Record<string, unknown>) })
}
