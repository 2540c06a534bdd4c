import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KARIGAR_MODULE } from "../../../modules/karigar"
import type KarigarModuleService from "../../../modules/karigar/service"
import { saveKarigarWorkflow } from "../../../workflows/karigar"
import { auditActor } from "../../utils/audit"
import { karigarViews } from "./helpers"
import type { AddKarigarBodyType, ListKarigarsQueryType } from "./validators"

/** POST /admin/karigars — adds a karigar: `{ name, phone?, address?, gstin?, wastage_bps? (300 = 3 %), active?, note? }`. A name another karigar has: 409. */
export async function POST(req: AuthenticatedMedusaRequest<AddKarigarBodyType>, res: MedusaResponse) {
  const { result } = await saveKarigarWorkflow(req.scope).run({ input: { id: null, details: req.validatedBody, actor: auditActor(req) } })
  res.status(201).json({ karigar: (await karigarViews(req, [result]))[0] })
}

/**
 * GET /admin/karigars — karigars by name, each with the fine metal he holds of the shop's (per metal, over open
 * challans; branch staff see their branches' challans only); `q` (name or phone), `active`, `limit`, `offset`.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListKarigarsQueryType>, res: MedusaResponse) {
  const { q, active, limit, offset } = req.validatedQuery as ListKarigarsQueryType
  const page = await req.scope.resolve<KarigarModuleService>(KARIGAR_MODULE).listKarigarRows({ q: q ?? null, active: active ?? null, limit, offset })
  res.json({ karigars: await karigarViews(req, page.karigars), count: page.count, limit, offset })
}
