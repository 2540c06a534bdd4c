import type { MedusaContainer } from "@medusajs/framework/types"
import { takeMissingStockSnapshot } from "../workflows/analytics/utils/stock-snapshot"

/** Every quarter of an hour; takes yesterday's closing stock once (docs/reports.md, "Stock over time"). */
export default async function stockSnapshotJob(container: MedusaContainer) {
  await takeMissingStockSnapshot(container)
}

export const config = {
  name: "stock-snapshot",
  schedule: "*/15 * * * *",
}
