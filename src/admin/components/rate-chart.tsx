import { Select, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { inr } from "../lib/format"
import { sdk } from "../lib/sdk"
import type { MetalRate } from "../lib/types"

const WIDTH = 720
const HEIGHT = 200
const PAD = { left: 72, right: 12, top: 12, bottom: 28 }
const PERIODS = { "30": "30 days", "90": "90 days", "365": "1 year" } as const

type Point = { at: number; rupees: number }

/** A rate holds until the next one is published, so the line steps. */
function stepPath(points: Point[], x: (t: number) => number, y: (r: number) => number, end: number) {
  return points
    .map((p, i) => {
      const next = points[i + 1]?.at ?? end
      return `${i === 0 ? "M" : "L"}${x(p.at).toFixed(1)},${y(p.rupees).toFixed(1)} L${x(next).toFixed(1)},${y(p.rupees).toFixed(1)}`
    })
    .join(" ")
}

/**
 * Shop-wide rate of one metal and purity over a period, drawn as a step line
 * with the lowest, highest and latest rate.
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
  const start = Math.min(new Date(from).getTime(), points[0]?.at ?? now)
  const values = points.map((p) => p.rupees)
  const [low, high] = [Math.min(...values), Math.max(...values)]
  const span = high - low || high * 0.01 || 1
  const x = (t: number) => PAD.left + ((t - start) / Math.max(1, now - start)) * (WIDTH - PAD.left - PAD.right)
  const y = (r: number) => PAD.top + (1 - (r - (low - span * 0.1)) / (span * 1.2)) * (HEIGHT - PAD.top - PAD.bottom)
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
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="w-full" role="img" aria-label={`Rate history of ${metal} ${purity}`}>
          {[high, (high + low) / 2, low].map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} className="stroke-ui-border-base" strokeDasharray="2 4" />
              <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="fill-ui-fg-muted text-[10px]">{inr(v)}</text>
            </g>
          ))}
          <path d={stepPath(points, x, y, now)} fill="none" className="stroke-ui-fg-interactive" strokeWidth={2} />
          {[start, (start + now) / 2, now].map((t) => (
            <text key={t} x={x(t)} y={HEIGHT - 8} textAnchor={t === start ? "start" : t === now ? "end" : "middle"} className="fill-ui-fg-muted text-[10px]">
              {date(t)}
            </text>
          ))}
        </svg>
      )}
    </div>
  )
}
