import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { isValidTagCode } from "../../../../lib/jewelry-attributes"
import { tryNormalizePhone } from "../../../../lib/phone"
import { CRM_MODULE } from "../../../../modules/crm"
import type CrmModuleService from "../../../../modules/crm/service"
import { JEWELRY_MODULE } from "../../../../modules/jewelry"
import type JewelryModuleService from "../../../../modules/jewelry/service"
import { createCustomerWithProfileWorkflow } from "../../../../workflows/crm"
import { recordAudit } from "../../../utils/audit"
import { profileAuditEntries } from "../../../../lib/profile-audit"
import { orderBy } from "../../../utils/validators"
import { presentProfile } from "../../../../modules/crm/present"
import { customersWithProfilesByPhone } from "../../../../modules/crm/queries/customer-with-profile"
import { toProfileData } from "../helpers"
import type { CreateCrmCustomerBodyType, ListCrmCustomersQueryType } from "../validators"
import { defaultAdminCrmCustomerFields } from "../query-config"

/**
 * Customers whose purchases included the piece with this tag (from the
 * purchase interactions orders leave), or undefined when no piece has it.
 */
async function customersWhoBoughtTag(scope: MedusaContainer, tag: string): Promise<string[] | undefined> {
  const jewelry: JewelryModuleService = scope.resolve(JEWELRY_MODULE)
  const [piece] = await jewelry.listJewelryAttributes({ tag_code: tag.toUpperCase() }, { select: ["id"] })
  if (!piece) {
    return undefined
  }
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "jewelry_attributes",
    fields: ["product_variant.id"],
    filters: { id: piece.id },
  })
  const variantId = (data[0] as { product_variant?: { id: string } | null } | undefined)?.product_variant?.id
  if (!variantId) {
    return []
  }
  const crm: CrmModuleService = scope.resolve(CRM_MODULE)
  const purchases = await crm.listInteractions({ kind: "purchase", products_of_interest: { $contains: [variantId] } }, {
    select: ["customer_id"],
    take: null,
  })
  return [...new Set(purchases.map((p) => p.customer_id))]
}

/** Sorts as PostgreSQL would by the `order` parameter ("-created_at"): nulls last going up, first going down. */
function compareBy(order: string) {
  const [[key, direction]] = Object.entries(orderBy(order))
  const sign = direction === "DESC" ? -1 : 1
  const value = (row: Record<string, unknown>) => (row[key] instanceof Date ? (row[key] as Date).getTime() : (row[key] as string | number | null | undefined))
  return (a: Record<string, unknown>, b: Record<string, unknown>) => {
    const [x, y] = [value(a), value(b)]
    if (x === y) {
      return 0
    }
    if (x === null || x === undefined) {
      return sign
    }
    if (y === null || y === undefined) {
      return -sign
    }
    return (typeof x === "string" && typeof y === "string" ? x.localeCompare(y) : x < y ? -1 : 1) * sign
  }
}

/**
 * GET /admin/crm/customers?q= — search by name or email, by phone in any
 * way it is written (98200 12345, +91…, 0…), or by the tag code of a piece
 * the customer bought.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListCrmCustomersQueryType>, res: MedusaResponse) {
  const { q, order, limit, offset } = req.validatedQuery as ListCrmCustomersQueryType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const phone = q ? tryNormalizePhone(q) : undefined
  let filters: Record<string, unknown> = {}
  if (phone) {
    // A phone matches a handful of profiles at most: read them with their customers in one statement, then sort and page here.
    const found = (await customersWithProfilesByPhone(req.scope, phone))
      .map(({ customer_profile, ...customer }) => ({ ...customer, profile: presentProfile(customer_profile) }))
      .sort(compareBy(order))
    res.json({ customers: found.slice(offset, offset + limit), count: found.length, limit, offset })
    return
  } else if (q && isValidTagCode(q)) {
    const bought = await customersWhoBoughtTag(req.scope, q)
    filters = bought ? { id: bought } : { q }
  } else if (q) {
    filters = { q }
  }
  const { data, metadata } = await query.graph({
    entity: "customer",
    fields: defaultAdminCrmCustomerFields,
    filters,
    pagination: { take: limit, skip: offset, order: orderBy(order) },
  })
  res.json({
    customers: (data as Record<string, unknown>[]).map(({ customer_profile, ...customer }) => ({
      ...customer,
      profile: presentProfile(customer_profile as Record<string, unknown> | null),
    })),
    count: metadata?.count ?? data.length,
    limit,
    offset,
  })
}

/** POST /admin/crm/customers — the Medusa customer and its CRM profile in one call. */
export async function POST(req: AuthenticatedMedusaRequest<CreateCrmCustomerBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await createCustomerWithProfileWorkflow(req.scope).run({
    input: {
      customer: {
        first_name: body.first_name,
        last_name: body.last_name ?? null,
        email: body.email ?? null,
        phone: body.phone ?? null,
      },
      profile: toProfileData(body, `admin:${req.auth_context.actor_id}`),
    },
  })
  await recordAudit(
    req.scope,
    req,
    profileAuditEntries(result.customer.id, null, result.profile as unknown as Record<string, unknown>, `admin:${req.auth_context.actor_id}`)
  )
  res.status(201).json({
    customer: result.customer,
    profile: presentProfile(result.profile as unknown as Record<string, unknown>),
  })
}
