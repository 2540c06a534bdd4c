import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PREFERENCES_MODULE } from "../../../../modules/preferences"
import type PreferencesModuleService from "../../../../modules/preferences/service"
import type { NewArrivalListView } from "../../../../types/http"
import { createNewArrivalCallsWorkflow, type NewArrivalListDTO } from "../../../../workflows/preferences"
import { branchScope } from "../../../utils/access"
import type { CreateNewArrivalListBodyType, ListNewArrivalListsQueryType } from "../validators"

/** The lists as the admin sees them, each call with the customer's name: a branch-scoped user sees only their branches' calls. */
async function listViews(req: MedusaRequest, lists: NewArrivalListDTO[]): Promise<NewArrivalListView[]> {
  const branches = await branchScope(req)
  const shown = lists.map((list) => ({ list, calls: list.calls.filter((c) => !branches || branches.includes(c.branch_id)) }))
  const ids = [...new Set(shown.flatMap(({ calls }) => calls.map((c) => c.customer_id)))]
  const { data } = ids.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "customer", fields: ["id", "first_name", "last_name"], filters: { id: ids } })
    : { data: [] }
  const names = new Map((data as { id: string; first_name: string | null; last_name: string | null }[]).map((c) => [c.id, [c.first_name, c.last_name].filter(Boolean).join(" ")]))
  return shown.map(({ list, calls }) => listView(list, calls.map((c) => ({ ...c, customer_name: names.get(c.customer_id) ?? null }))))
}

function listView(list: NewArrivalListDTO, calls: NewArrivalListView["calls"]): NewArrivalListView {
  const note = list.calls.length
    ? null
    : !list.model_id
      ? "No preference model is trained yet: run npm run ml:train or wait for the night's training"
      : !list.pieces.length
        ? "No pieces came into stock in this window"
        : "No customer's taste matches these pieces closely enough"
  return {
    id: list.id,
    key: list.key,
    since: list.since ? new Date(list.since).toISOString() : null,
    until: list.until ? new Date(list.until).toISOString() : null,
    model_id: list.model_id,
    created_at: new Date(list.created_at).toISOString(),
    pieces: list.pieces.map(({ variant_id, title, tag_code, category, metal, purity, branch_id }) => ({ variant_id, title, tag_code, category, metal, purity, branch_id })),
    calls,
    note,
  }
}

/**
 * GET /admin/preferences/new-arrivals — the new-arrivals call lists newest first (`limit`, `offset`), each with its
 * pieces and calls; branch managers and sales staff see their branches' calls.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, ListNewArrivalListsQueryType>,
  res: MedusaResponse<{ lists: NewArrivalListView[]; count: number; limit: number; offset: number }>
) {
  const { limit, offset } = req.validatedQuery as ListNewArrivalListsQueryType
  const [lists, count] = await req.scope
    .resolve<PreferencesModuleService>(PREFERENCES_MODULE)
    .listAndCountNewArrivalLists({}, { order: { created_at: "DESC", id: "DESC" }, take: limit, skip: offset })
  res.json({ lists: await listViews(req, lists as unknown as NewArrivalListDTO[]), count, limit, offset })
}

/**
 * POST /admin/preferences/new-arrivals — makes a call list now: for the pieces named (`variant_ids`), or those
 * that came in from `since` (to `until`, default now). Each call a follow-up task on its branch's list. 201 with
 * the list; the same `idempotency_key` again answers 200 with that list and makes no task.
 */
export async function POST(req: AuthenticatedMedusaRequest<CreateNewArrivalListBodyType>, res: MedusaResponse<{ list: NewArrivalListView; replayed: boolean }>) {
  const body = req.validatedBody
  const { result } = await createNewArrivalCallsWorkflow(req.scope).run({
    input: {
      key: `request:${body.idempotency_key}`,
      variant_ids: body.variant_ids,
      since: body.since,
      until: body.since ? body.until ?? new Date() : undefined,
      options: { ...(body.per_branch ? { per_branch: body.per_branch } : {}), ...(body.min_score ? { min_score: body.min_score } : {}) },
      actor_id: req.auth_context?.actor_id ?? null,
    },
  })
  const [list] = await listViews(req, [result.list])
  res.status(result.replayed ? 200 : 201).json({ list, replayed: result.replayed })
}
