import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * GST state code that catalogue breakdowns assume: a counter sale at the
 * branch behind the store's default sales channel (the main branch).
 */
export async function catalogueStateCode(container: MedusaContainer): Promise<string> {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["default_sales_channel_id"] })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if (store?.default_sales_channel_id) {
    const { data } = await query.graph({
      entity: "sales_channel",
      fields: ["id", "branch.state_code"],
      filters: { id: store.default_sales_channel_id },
    })
    const code = (data[0] as { branch?: { state_code: string } | null } | undefined)?.branch?.state_code
    if (code) {
      return code
    }
  }
  const { data } = await query.graph({ entity: "branch", fields: ["state_code", "code"], filters: { is_active: true } })
  const first = (data as { state_code: string; code: string }[]).sort((a, b) => a.code.localeCompare(b.code))[0]
  return first?.state_code ?? "27"
}
