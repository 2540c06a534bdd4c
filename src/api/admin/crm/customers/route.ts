import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { tryNormalizePhone } from "../../../../lib/phone"
import { createCustomerWithProfileWorkflow } from "../../../../workflows/create-customer-with-profile"
import {
  presentProfile,
  toProfileData,
  type CreateCrmCustomerBodyType,
  type ListCrmCustomersQueryType,
} from "../../../utils/crm"

const CUSTOMER_FIELDS = ["id", "first_name", "last_name", "email", "phone", "created_at", "customer_profile.*"]

/**
 * GET /admin/crm/customers?q= — search by name or email, or by phone in any
 * way it is written (98200 12345, +91…, 0…).
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListCrmCustomersQueryType>, res: MedusaResponse) {
  const { q, limit, offset } = req.validatedQuery as ListCrmCustomersQueryType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const phone = q ? tryNormalizePhone(q) : undefined
  let filters: Record<string, unknown> = {}
  if (phone) {
    const { data: profiles } = await query.graph({
      entity: "customer_profile",
      fields: ["customer.id"],
      filters: { $or: [{ phone }, { alternate_phone: phone }] },
    })
    filters = { id: (profiles as { customer?: { id: string } | null }[]).map((p) => p.customer?.id).filter(Boolean) }
  } else if (q) {
    filters = { q }
  }
  const { data, metadata } = await query.graph({
    entity: "customer",
    fields: CUSTOMER_FIELDS,
    filters,
    pagination: { take: limit, skip: offset, order: { created_at: "DESC" } },
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
  res.status(201).json({
    customer: result.customer,
    profile: presentProfile(result.profile as unknown as Record<string, unknown>),
  })
}
