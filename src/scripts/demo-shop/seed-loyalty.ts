/**
 * The demo year's loyalty points (loyalty-history.ts plans them): an
 * account for each demo customer with a paid bill, an earn entry a bill,
 * dated to the sale. Run after the payments and before the returns, which
 * take their share back through the live return workflow. Customers who
 * already have an account are left alone; answers how many bills earned.
 */
import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { amountToPaise } from "../../lib/money"
import { entityIds } from "../../lib/ids"
import { LOYALTY_MODULE } from "../../modules/loyalty"
import type LoyaltyModuleService from "../../modules/loyalty/service"
import { demoLoyaltyHistory, type DemoLoyaltyBill } from "./loyalty-history"

type Log = (message: string) => void

const BATCH = 200

type GraphOrder = { id: string; total: BigNumberInput; item_subtotal: BigNumberInput; items: { quantity: BigNumberInput; metadata: Record<string, unknown> | null }[] }

export async function ensureDemoLoyalty(container: MedusaContainer, log: Log): Promise<number> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await db.raw(
    `select o.id, o.display_id, o.customer_id, o.created_at from "order" o
      where o.deleted_at is null and o.metadata ? 'demo_row' and o.status <> 'canceled' and o.customer_id is not null
        and exists (select 1 from order_payment_collection opc join payment_collection pc on pc.id = opc.payment_collection_id
                     where opc.order_id = o.id and opc.deleted_at is null and pc.status = 'completed')
        and not exists (select 1 from loyalty_account a where a.customer_id = o.customer_id and a.deleted_at is null)
      order by o.display_id`
  )) as { rows: { id: string; display_id: number; customer_id: string; created_at: Date }[] }
  if (!rows.length) {
    return 0
  }
  const program = await container.resolve<LoyaltyModuleService>(LOYALTY_MODULE).currentProgram()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const bills: DemoLoyaltyBill[] = []
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH)
    // Totals as Medusa computes them (the tier's spend) and the taxable value (the basis), before any piece came back.
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "total", "item_subtotal", "items.quantity", "items.detail.quantity", "items.metadata"],
      filters: { id: batch.map((o) => o.id) },
    })
    const byId = new Map((data as unknown as GraphOrder[]).map((o) => [o.id, o]))
    for (const o of batch) {
      const order = byId.get(o.id)!
      // The demo lines record their making charge in whole paise (seed-customers.ts): a whole number of paise a bill.
      const making = order.items.reduce((sum, i) => sum + Number(i.metadata?.making_charge_paise ?? 0) * Number(i.quantity), 0)
      bills.push({
        order_id: o.id,
        display_id: o.display_id,
        customer_id: o.customer_id,
        at: new Date(new Date(o.created_at).getTime() + 4 * 60_000),
        total_paise: amountToPaise(order.total),
        basis_paise: program.earn_basis === "making_charges" ? making : amountToPaise(order.item_subtotal),
      })
    }
  }
  const ids = entityIds("lpe", bills.length)
  const { entries, accounts } = demoLoyaltyHistory(bills, program, () => ids.pop()!)
  const accountIds = entityIds("lacct", accounts.length)
  await db.transaction(async (trx) => {
    await trx.raw(
      `insert into loyalty_account (id, customer_id, balance, lifetime_earned, tier, tier_since, created_at, updated_at)
       select a.id, a.customer_id, a.balance, a.lifetime_earned, a.tier, a.tier_since, a.at, a.at
         from jsonb_to_recordset(?::jsonb) as a(id text, customer_id text, balance int, lifetime_earned int, tier text, tier_since timestamptz, at timestamptz)`,
      [JSON.stringify(accounts.map((a, n) => ({ ...a, id: accountIds[n] })))]
    )
    await trx.raw(
      `insert into points_entry (id, account_id, customer_id, type, points, remaining, expires_at, idempotency_key, order_id, reason, created_at, updated_at)
       select e.id, a.id, e.customer_id, e.type, e.points, e.remaining, e.expires_at, e.idempotency_key, e.order_id, e.reason, e.at, e.at
         from jsonb_to_recordset(?::jsonb) as e(id text, customer_id text, type text, points int, remaining int, expires_at timestamptz, idempotency_key text, order_id text, reason text, at timestamptz)
         join loyalty_account a on a.customer_id = e.customer_id and a.deleted_at is null`,
      [JSON.stringify(entries)]
    )
  })
  log(`demo loyalty: ${entries.length} bills earned points, ${accounts.length} accounts`)
  return entries.length
}
