import { Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { StockHistory } from "../../types/http"
import { grams, inrPaise } from "../lib/format"
import { sdk } from "../lib/sdk"

/**
 * The stock at the close of each day of the period (GET
 * /admin/reports/stock/history): pieces, and the metal at each day's rates
 * beside the stock at price, from the daily snapshots.
 */
export function StockHistorySection({ from, to, branchId, metal }: { from: string; to: string; branchId?: string; metal?: string }) {
  const query = { from, to, ...(branchId ? { branch_id: branchId } : {}), ...(metal ? { metal } : {}) }
  const { data, error } = useQuery({
    queryKey: ["reports", "stock-history", query],
    queryFn: () => sdk.client.fetch<StockHistory>("/admin/reports/stock/history", { query }),
  })
  const days = (data?.days ?? []).map((d) => ({ day: d.day.slice(5), pieces: d.pieces, metal: d.metal_value_paise, price: d.price_paise }))
  const last = data?.days[data.days.length - 1]
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Stock over time</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The stock at the close of each day, as the nightly snapshot found it.
          {last ? ` On ${last.day}: ${last.pieces.toLocaleString("en-IN")} pieces, ${grams(last.net_weight_mg)} net, metal worth ${inrPaise(last.metal_value_paise)}, ${last.dead_pieces.toLocaleString("en-IN")} over a year old.` : ""}
        </Text>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {data && !days.length && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">No snapshots in this period: the first is taken after midnight (India time) by the worker.</Text>
      )}
      {days.length > 0 && (
        <div className="h-64 px-6 py-4" aria-label="Stock over time">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={days}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" fontSize={11} />
              <YAxis yAxisId="rupees" fontSize={11} tickFormatter={(paise: number) => `₹${(paise / 1_00_00_000).toLocaleString("en-IN", { maximumFractionDigits: 1 })} L`} />
              <YAxis yAxisId="pieces" orientation="right" fontSize={11} allowDecimals={false} />
              <Tooltip formatter={(value: number, name: string) => (name === "Pieces" ? value.toLocaleString("en-IN") : inrPaise(value))} />
              <Legend />
              <Line yAxisId="rupees" type="monotone" dataKey="metal" name="Metal at the day's rates" stroke="#f59e0b" dot={false} />
              <Line yAxisId="rupees" type="monotone" dataKey="price" name="At price" stroke="#0ea5e9" dot={false} />
              <Line yAxisId="pieces" type="monotone" dataKey="pieces" name="Pieces" stroke="#64748b" dot={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </Container>
  )
}
