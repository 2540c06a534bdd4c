import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { StockReport } from "../../types/http"
import { grams, inrPaise } from "../lib/format"
import { sdk } from "../lib/sdk"
import { ExportButtons } from "./export-buttons"
import { LabelledSelect } from "./labelled-select"
import { Paginator } from "./paginator"

const GROUPS: Record<Exclude<StockReport["group_by"], "total">, string> = { branch: "Branch", category: "Category", metal: "Metal and purity", age: "Age" }
const PAGE = 10

/**
 * The stock as it is now (GET /admin/reports/stock): pieces, weights, value
 * at today's metal rates and at the pieces' prices, pieces by age as bars
 * and columns, and the dead stock (over a year), oldest first.
 */
export function StockReportSection({ branchId, metal }: { branchId?: string; metal?: string }) {
  const [groupBy, setGroupBy] = useState<keyof typeof GROUPS>("branch")
  const [page, setPage] = useState(0)
  const filters = { ...(branchId ? { branch_id: branchId } : {}), ...(metal ? { metal } : {}) }
  const query = { group_by: groupBy, limit: PAGE, offset: page * PAGE, ...filters }
  const { data, error } = useQuery({
    queryKey: ["reports", "stock", query],
    queryFn: () => sdk.client.fetch<StockReport>("/admin/reports/stock", { query }),
  })
  const buckets = data?.ageing_buckets ?? []
  const ageing = buckets.map((b) => ({ label: b.label, pieces: data?.totals.ageing[b.key] ?? 0 }))
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">Stock</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Jewellery in stock now: its metal at today's rates, its prices before GST, and how long it has been in the branch.
            {data ? ` ${data.totals.pieces.toLocaleString("en-IN")} pieces, ${grams(data.totals.net_weight_mg)} net, metal worth ${inrPaise(data.totals.metal_value_paise)}.` : ""}
          </Text>
        </div>
        <ExportButtons path="/admin/reports/stock/export" query={{ group_by: groupBy, ...filters }} what="stock" />
        <LabelledSelect
          label="Group stock by"
          value={groupBy}
          options={Object.entries(GROUPS) as [keyof typeof GROUPS, string][]}
          onChange={(v) => {
            setGroupBy(v)
            setPage(0)
          }}
        />
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {!!data?.totals.pieces && (
        <div className="h-56 px-6 py-4" aria-label="Stock by age">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={ageing}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" fontSize={11} />
              <YAxis fontSize={11} allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="pieces" name="Pieces" fill="#0ea5e9" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{GROUPS[groupBy]}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Pieces</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Net weight</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Metal at today's rate</Table.HeaderCell>
            <Table.HeaderCell className="text-right">At price</Table.HeaderCell>
            <Table.HeaderCell className="text-right">At cost</Table.HeaderCell>
            {buckets.map((b) => <Table.HeaderCell key={b.key} className="text-right">{b.label}</Table.HeaderCell>)}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {[...(data?.rows ?? []), ...(data ? [{ ...data.totals, key: "total", label: "Total" }] : [])].map((r) => (
            <Table.Row key={r.key}>
              <Table.Cell>{r.key === "total" ? <Text size="small" weight="plus">Total</Text> : r.label}</Table.Cell>
              <Table.Cell className="text-right">{r.pieces.toLocaleString("en-IN")}</Table.Cell>
              <Table.Cell className="text-right">{grams(r.net_weight_mg)}</Table.Cell>
              <Table.Cell className="text-right">
                {inrPaise(r.metal_value_paise)}
                {r.unvalued_pieces ? <Badge size="2xsmall" color="orange" className="ml-1">{r.unvalued_pieces} without a rate</Badge> : null}
              </Table.Cell>
              <Table.Cell className="text-right">{inrPaise(r.price_paise)}</Table.Cell>
              <Table.Cell className="text-right">
                {r.costed_pieces ? inrPaise(r.cost_paise) : "—"}
                {r.costed_pieces > 0 && r.costed_pieces < r.pieces ? <Badge size="2xsmall" color="grey" className="ml-1">{r.costed_pieces} of {r.pieces} pieces</Badge> : null}
              </Table.Cell>
              {buckets.map((b) => <Table.Cell key={b.key} className="text-right">{(r.ageing[b.key] ?? 0).toLocaleString("en-IN")}</Table.Cell>)}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="flex flex-col">
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <Heading level="h2">Dead stock (in the branch over a year)</Heading>
          {!!data?.dead_stock.count && <ExportButtons path="/admin/reports/stock/export" query={{ table: "dead_stock", ...filters }} what="dead stock" />}
        </div>
        {data && !data.dead_stock.count && <Text size="small" className="px-6 pb-4 text-ui-fg-subtle">Nothing has sat for over a year.</Text>}
        {!!data?.dead_stock.count && (
          <>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Piece</Table.HeaderCell>
                  <Table.HeaderCell>Tag</Table.HeaderCell>
                  <Table.HeaderCell>Branch</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Net weight</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Price</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Days in stock</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.dead_stock.pieces.map((p) => (
                  <Table.Row key={`${p.variant_id}:${p.branch_id}`}>
                    <Table.Cell>{p.title}{p.pieces > 1 ? ` ×${p.pieces}` : ""}</Table.Cell>
                    <Table.Cell>{p.tag_code}</Table.Cell>
                    <Table.Cell>{p.branch_name}</Table.Cell>
                    <Table.Cell className="text-right">{grams(p.net_weight_mg)}</Table.Cell>
                    <Table.Cell className="text-right">{p.price_paise === null ? "—" : inrPaise(p.price_paise)}</Table.Cell>
                    <Table.Cell className="text-right">{p.days}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <Paginator count={data.dead_stock.count} pageSize={PAGE} page={page} setPage={setPage} />
          </>
        )}
      </div>
    </Container>
  )
}
