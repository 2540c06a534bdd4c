import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { BranchSummary as Branch, SalesFigures, SalesReport, SalesReportGroup } from "../../../types/http"
import { RequirePermission } from "../../components/require-permission"
import { CustomerReportSection } from "../../components/customer-report"
import { ExportButtons, LineExportButton } from "../../components/export-buttons"
import { LabelledSelect } from "../../components/labelled-select"
import { CounterReportSection } from "../../components/counter-report"
import { AccountsExportSection } from "../../components/accounts-export"
import { LoyaltyReportSection } from "../../components/loyalty-report"
import { MoversReportSection } from "../../components/movers-report"
import { StaffReportSection } from "../../components/staff-report"
import { StockReportSection } from "../../components/stock-report"
import { StockHistorySection } from "../../components/stock-history"
import { grams, indiaDay, inrPaise } from "../../lib/format"
import { sdk } from "../../lib/sdk"

const GROUPS: Record<Exclude<SalesReportGroup, "total">, string> = {
  day: "Day",
  week: "Week",
  month: "Month",
  branch: "Branch",
  channel: "Channel",
  staff: "Staff member",
  category: "Category",
  metal: "Metal and purity",
}
const TIME_GROUPS: SalesReportGroup[] = ["day", "week", "month"]
const METALS = { all: "All metals", gold: "Gold", silver: "Silver", platinum: "Platinum" } as const

const count = (n: number) => n.toLocaleString("en-IN")

/** "+12.5 %" against an earlier figure; "—" when there is nothing to compare with. */
function change(now: number, before: number): string {
  if (!before) {
    return "—"
  }
  const pct = ((now - before) / Math.abs(before)) * 100
  return `${pct >= 0 ? "+" : ""}${pct.toLocaleString("en-IN", { maximumFractionDigits: 1 })} %`
}

function Headline({ label, value, now, previous, lastYear, show }: { label: string; value: keyof SalesFigures; now: SalesFigures; previous: SalesFigures; lastYear: SalesFigures; show: (n: number) => string }) {
  const n = (f: SalesFigures) => Number(f[value] ?? 0)
  return (
    <div className="flex flex-col gap-y-1 rounded-lg border px-4 py-3">
      <Text size="small" className="text-ui-fg-subtle">{label}</Text>
      <Text size="xlarge" weight="plus">{show(n(now))}</Text>
      <Text size="xsmall" className="text-ui-fg-muted">
        {change(n(now), n(previous))} on the period before · {change(n(now), n(lastYear))} on last year
      </Text>
    </div>
  )
}

const ReportsPage = () => {
  const [from, setFrom] = useState(indiaDay(-29))
  const [to, setTo] = useState(indiaDay())
  const [groupBy, setGroupBy] = useState<Exclude<SalesReportGroup, "total">>("day")
  const [branchId, setBranchId] = useState("all")
  const [metal, setMetal] = useState<keyof typeof METALS>("all")
  const { data: branches } = useQuery({ queryKey: ["branches"], queryFn: () => sdk.client.fetch<{ branches: Branch[] }>("/admin/branches", { query: { limit: 100 } }) })
  const query = {
    from,
    to,
    group_by: groupBy,
    ...(branchId !== "all" ? { branch_id: branchId } : {}),
    ...(metal !== "all" ? { metal } : {}),
  }
  const { data, error, isFetching } = useQuery({
    queryKey: ["reports", "sales", query],
    queryFn: () => sdk.client.fetch<SalesReport>("/admin/reports/sales", { query }),
  })
  const points = (data?.rows ?? []).map((r) => ({ label: r.label, rupees: r.revenue_paise / 100 }))

  return (
    <RequirePermission resource="reports" action="read" what="see the shop's reports">
      <div className="flex flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
            <div>
              <Heading level="h1">Sales</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                Sales before GST, net of returns, in India time{data ? ` (${data.range.from} to ${data.range.to})` : ""}; compared with the period just before and the same days last year.
              </Text>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <LineExportButton path="/admin/reports/sales/lines/export" query={Object.fromEntries(Object.entries(query).filter(([k]) => k !== "group_by"))} />
              <ExportButtons path="/admin/reports/sales/export" query={query} what="sales" />
            </div>
          </div>
          <div className="flex flex-wrap items-end gap-3 px-6 py-4">
            <div className="flex flex-col gap-y-1">
              <Label size="small" htmlFor="report-from">From</Label>
              <Input id="report-from" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div className="flex flex-col gap-y-1">
              <Label size="small" htmlFor="report-to">To</Label>
              <Input id="report-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
            </div>
            <LabelledSelect label="Group by" value={groupBy} options={Object.entries(GROUPS) as [typeof groupBy, string][]} onChange={setGroupBy} />
            <LabelledSelect
              label="Branch"
              value={branchId}
              options={[["all", "All my branches"], ...(branches?.branches ?? []).map((b): [string, string] => [b.id, b.name])]}
              onChange={setBranchId}
              className="w-56"
            />
            <LabelledSelect label="Metal" value={metal} options={Object.entries(METALS) as [keyof typeof METALS, string][]} onChange={setMetal} className="w-40" />
          </div>
          {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
          {data && (
            <div className="grid grid-cols-2 gap-3 px-6 py-4 md:grid-cols-3 xl:grid-cols-6">
              <Headline label="Sales before GST" value="revenue_paise" now={data.totals} previous={data.previous.totals} lastYear={data.last_year.totals} show={inrPaise} />
              <Headline label="GST" value="gst_paise" now={data.totals} previous={data.previous.totals} lastYear={data.last_year.totals} show={inrPaise} />
              <Headline label="Bills" value="bills" now={data.totals} previous={data.previous.totals} lastYear={data.last_year.totals} show={count} />
              <Headline label="Pieces" value="pieces" now={data.totals} previous={data.previous.totals} lastYear={data.last_year.totals} show={count} />
              <Headline label="Net weight sold" value="net_weight_mg" now={data.totals} previous={data.previous.totals} lastYear={data.last_year.totals} show={grams} />
              <Headline label="Average bill" value="average_bill_paise" now={data.totals} previous={data.previous.totals} lastYear={data.last_year.totals} show={inrPaise} />
            </div>
          )}
          {!!points.length && (
            <div className="h-72 px-6 py-4" aria-label="Sales chart">
              <ResponsiveContainer width="100%" height="100%">
                {TIME_GROUPS.includes(groupBy) ? (
                  <LineChart data={points}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="label" fontSize={11} />
                    <YAxis fontSize={11} tickFormatter={(v: number) => `₹${(v / 1_00_000).toLocaleString("en-IN")}L`} />
                    <Tooltip formatter={(v: number) => inrPaise(Math.round(v * 100))} />
                    <Line type="monotone" dataKey="rupees" name="Sales before GST" stroke="#7c3aed" dot={false} />
                  </LineChart>
                ) : (
                  <BarChart data={points}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="label" fontSize={11} />
                    <YAxis fontSize={11} tickFormatter={(v: number) => `₹${(v / 1_00_000).toLocaleString("en-IN")}L`} />
                    <Tooltip formatter={(v: number) => inrPaise(Math.round(v * 100))} />
                    <Bar dataKey="rupees" name="Sales before GST" fill="#7c3aed" />
                  </BarChart>
                )}
              </ResponsiveContainer>
            </div>
          )}
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{GROUPS[groupBy]}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Bills</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Pieces</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Returned</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Net weight</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Before GST</Table.HeaderCell>
                <Table.HeaderCell className="text-right">GST</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Discounts</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Average bill</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {[...(data?.rows ?? []), ...(data ? [{ ...data.totals, key: "total", label: "Total" }] : [])].map((r) => (
                <Table.Row key={r.key}>
                  <Table.Cell>{r.key === "total" ? <Text size="small" weight="plus">Total</Text> : r.label}</Table.Cell>
                  <Table.Cell className="text-right">{count(r.bills)}</Table.Cell>
                  <Table.Cell className="text-right">{count(r.pieces)}</Table.Cell>
                  <Table.Cell className="text-right">{r.returned_pieces ? count(r.returned_pieces) : "—"}</Table.Cell>
                  <Table.Cell className="text-right">{grams(r.net_weight_mg)}</Table.Cell>
                  <Table.Cell className="text-right">{inrPaise(r.revenue_paise)}</Table.Cell>
                  <Table.Cell className="text-right">{inrPaise(r.gst_paise)}</Table.Cell>
                  <Table.Cell className="text-right">{r.discount_paise ? inrPaise(r.discount_paise) : "—"}</Table.Cell>
                  <Table.Cell className="text-right">{inrPaise(r.average_bill_paise)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {data && !data.rows.length && <Text size="small" className="px-6 py-4 text-ui-fg-subtle">{isFetching ? "Loading…" : "No sales in this period."}</Text>}
        </Container>
        <StaffReportSection from={from} to={to} branchId={branchId !== "all" ? branchId : undefined} />
        <CustomerReportSection from={from} to={to} branchId={branchId !== "all" ? branchId : undefined} />
        <CounterReportSection from={from} to={to} branchId={branchId !== "all" ? branchId : undefined} />
        <LoyaltyReportSection from={from} to={to} branchId={branchId !== "all" ? branchId : undefined} />
        <StockReportSection branchId={branchId !== "all" ? branchId : undefined} metal={metal !== "all" ? metal : undefined} />
        <StockHistorySection from={from} to={to} branchId={branchId !== "all" ? branchId : undefined} metal={metal !== "all" ? metal : undefined} />
        <MoversReportSection branchId={branchId !== "all" ? branchId : undefined} metal={metal !== "all" ? metal : undefined} />
        <AccountsExportSection from={from} to={to} branchId={branchId !== "all" ? branchId : undefined} />
      </div>
    </RequirePermission>
  )
}

export const config = defineRouteConfig({
  label: "Reports",
  icon: ChartBar,
})

export default ReportsPage
