import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import type { MoverFigures, MoversReport } from "../../types/http"
import { inrPaise } from "../lib/format"
import { sdk } from "../lib/sdk"
import { ExportButtons } from "./export-buttons"
import { LabelledSelect } from "./labelled-select"

const WINDOWS = { "30": "Last 30 days", "90": "Last 90 days", "180": "Last 180 days", "365": "Last year" } as const
const GROUPS = { product: "Design", category: "Category" } as const

function MoversTable({ rows, what }: { rows: MoverFigures[]; what: string }) {
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{what}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Sold</Table.HeaderCell>
          <Table.HeaderCell className="text-right">In stock</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Sell-through</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Days of cover</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((m) => (
          <Table.Row key={m.key}>
            <Table.Cell title={m.revenue_paise ? `${inrPaise(m.revenue_paise)} before GST` : undefined}>{m.label}</Table.Cell>
            <Table.Cell className="text-right">{m.sold.toLocaleString("en-IN")}</Table.Cell>
            <Table.Cell className="text-right">{m.in_stock.toLocaleString("en-IN")}</Table.Cell>
            <Table.Cell className="text-right">{m.sell_through === null ? "—" : `${(m.sell_through * 100).toLocaleString("en-IN", { maximumFractionDigits: 1 })} %`}</Table.Cell>
            <Table.Cell className="text-right">{m.days_of_cover === null ? "not selling" : m.days_of_cover.toLocaleString("en-IN")}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

/**
 * Fast and slow movers (GET /admin/reports/movers): the designs or
 * categories selling fastest in the window and those in stock selling
 * slowest, with the sell-through and how long the stock would last.
 */
export function MoversReportSection({ branchId, metal }: { branchId?: string; metal?: string }) {
  const [days, setDays] = useState<keyof typeof WINDOWS>("90")
  const [groupBy, setGroupBy] = useState<keyof typeof GROUPS>("product")
  const query = { days, group_by: groupBy, ...(branchId ? { branch_id: branchId } : {}), ...(metal ? { metal } : {}) }
  const { data, error } = useQuery({
    queryKey: ["reports", "movers", query],
    queryFn: () => sdk.client.fetch<MoversReport>("/admin/reports/movers", { query }),
  })
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">Fast and slow movers</Heading>
          <Text size="small" className="text-ui-fg-subtle">Pieces sold in the window beside the pieces in stock now: what to reorder, and what to push or melt.</Text>
        </div>
        <div className="flex gap-3">
          <LabelledSelect label="Window" value={days} options={Object.entries(WINDOWS) as [keyof typeof WINDOWS, string][]} onChange={setDays} className="w-40" />
          <LabelledSelect label="By" ariaLabel="Movers by" value={groupBy} options={Object.entries(GROUPS) as [keyof typeof GROUPS, string][]} onChange={setGroupBy} className="w-36" />
        </div>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      <div className="grid grid-cols-1 divide-y xl:grid-cols-2 xl:divide-x xl:divide-y-0">
        {(["fast", "slow"] as const).map((list) => (
          <div key={list}>
            <div className="flex items-center justify-between gap-2 px-6 py-3">
              <Heading level="h3">{list === "fast" ? "Selling fastest" : "Slowest in stock"}</Heading>
              <ExportButtons path="/admin/reports/movers/export" query={{ ...query, list, limit: 100 }} what={`${list} movers`} />
            </div>
            <MoversTable rows={data?.[list] ?? []} what={GROUPS[groupBy]} />
          </div>
        ))}
      </div>
    </Container>
  )
}
