import { Select, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { inr } from "../lib/format"
import { sdk } from "../lib/sdk"
import type { MetalRate } from "../lib/types"

const PERIODS = { "30": "30 days", "90": "90 days", "365": "1 year" } as const

type Point = { at: number; rupees: number }

/**
 * Shop-wide rate of one metal and purity over a period, drawn (recharts) as a
 * step line — a rate holds until the next one is published — with the
 * lowest, highest and latest rate.
 */
export function RateChart({ current }: { current: MetalRate[] }) {
  const series = useMemo(
    () =>
      [...new Map(current.filter((r) => !r.branch_id).map((r) => [`${r.metal}:${r.purity}`, r])).values()].sort(
        (a, b) => a.metal.localeCompare(b.metal) || b.purity - a.purity
      ),
    [current]
  )
  const [picked, setPicked] = useState<string | null>(null)
  const [days, setDays] = useState<keyof typeof PERIODS>("90")
  const key = picked ?? (series[0] ? `${series[0].metal}:${series[0].purity}` : null)
  const [metal, purity] = key ? key.split(":") : [undefined, undefined]
  const from = useMemo(() => new Date(Date.now() - Number(days) * 86_400_000).toISOString(), [days])

  const { data, isLoading } = useQuery({
    queryKey: ["metal-rates", "chart", metal, purity, days],
    enabled: !!metal,
    queryFn: () =>
      sdk.client.fetch<{ rates: MetalRate[] }>("/admin/metal-rates/history", {
        query: { metal, purity, from, limit: 500 },
      }),
  })
  const points: Point[] = (data?.rates ?? [])
    .filter((r) => !r.branch_id && new Date(r.effective_from).getTime() <= Date.now())
    .map((r) => ({ at: new Date(r.effective_from).getTime(), rupees: r.rate_per_g }))
    .sort((a, b) => a.at - b.at)

  const now = Date.now()
  const values = points.map((p) => p.rupees)
  const [low, high] = [Math.min(...values), Math.max(...values)]
  // The last rate holds until now: the line runs to today's edge.
  const line = points.length ? [...points, { at: now, rupees: points[points.length - 1].rupees }] : []
  const date = (t: number) => new Date(t).toLocaleDateString("en-IN", { day: "numeric", month: "short" })

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="w-56">
          <Select value={key ?? undefined} onValueChange={setPicked}>
            <Select.Trigger aria-label="Metal and purity"><Select.Value placeholder="Metal and purity" /></Select.Trigger>
            <Select.Content>
              {series.map((r) => (
                <Select.Item key={`${r.metal}:${r.purity}`} value={`${r.metal}:${r.purity}`}>
                  {r.metal} {r.purity}{r.karat ? ` (${r.karat})` : ""}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <div className="w-36">
          <Select value={days} onValueChange={(v) => setDays(v as keyof typeof PERIODS)}>
            <Select.Trigger aria-label="Period"><Select.Value /></Select.Trigger>
            <Select.Content>
              {Object.entries(PERIODS).map(([value, label]) => (
                <Select.Item key={value} value={value}>{label}</Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        {points.length > 0 && (
          <Text size="small" className="text-ui-fg-subtle">
            low {inr(low)} · high {inr(high)} · now {inr(points[points.length - 1].rupees)} · {points.length} rates published
          </Text>
        )}
      </div>
      {isLoading ? (
        <Text size="small" className="text-ui-fg-subtle">Loading…</Text>
      ) : points.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">No shop-wide rate was published in this period.</Text>
      ) : (
        <div className="h-52 w-full" role="img" aria-label={`Rate history of ${metal} ${purity}`}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={line} margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="2 4" vertical={false} stroke="var(--border-base)" />
              <XAxis
                dataKey="at"
                type="number"
                scale="time"
                domain={[new Date(from).getTime(), now]}
                tickFormatter={date}
                tick={{ fontSize: 10, fill: "var(--fg-muted)" }}
              />
              <YAxis
                domain={[(min: number) => Math.floor(min * 0.99), (max: number) => Math.ceil(max * 1.01)]}
                tickFormatter={(v: number) => inr(v)}
                width={88}
                tick={{ fontSize: 10, fill: "var(--fg-muted)" }}
              />
              <Tooltip labelFormatter={(t) => date(Number(t))} formatter={(v) => [inr(Number(v)), "per gram"]} />
              <Line type="stepAfter" dataKey="rupees" stroke="var(--fg-interactive)" strokeWidth={2} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </div>
  )
}
