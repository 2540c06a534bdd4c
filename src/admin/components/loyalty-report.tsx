import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { LoyaltyReport } from "../../types/http"
import { inrPaise } from "../lib/format"
import { sdk } from "../lib/sdk"
import { ExportButtons } from "./export-buttons"

const count = (n: number) => n.toLocaleString("en-IN")

/**
 * Points and campaigns over time (GET /admin/reports/loyalty): points issued,
 * redeemed and expired a month as bars, what was outstanding as a line, and
 * each campaign's offers issued and redeemed with the revenue they brought
 * against the discount they gave.
 */
export function LoyaltyReportSection({ from, to, branchId }: { from: string; to: string; branchId?: string }) {
  const query = { from, to, group_by: "month", ...(branchId ? { branch_id: branchId } : {}) }
  const { data, error } = useQuery({
    queryKey: ["reports", "loyalty", query],
    queryFn: () => sdk.client.fetch<LoyaltyReport>("/admin/reports/loyalty", { query }),
  })
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">Loyalty and campaigns</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {data
              ? `${count(data.totals.issued)} points issued, ${count(data.totals.redeemed)} redeemed, ${count(data.totals.expired)} expired in the period; ${count(data.closing.points)} outstanding at its end, worth ${inrPaise(data.closing.value_paise)} at today's point value.`
              : "Points issued, redeemed and outstanding, and what each campaign brought in."}
          </Text>
        </div>
        <ExportButtons path="/admin/reports/loyalty/export" query={{ ...query, table: "points" }} what="points" />
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {!!data?.periods.length && (
        <div className="h-64 px-6 py-4" aria-label="Points by month">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data.periods}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="period" fontSize={11} tickFormatter={(p: string) => p.slice(0, 7)} />
              <YAxis yAxisId="flow" fontSize={11} />
              <YAxis yAxisId="outstanding" orientation="right" fontSize={11} />
              <Tooltip formatter={(v: number) => count(v)} />
              <Legend />
              <Bar yAxisId="flow" dataKey="issued" name="Issued" fill="#16a34a" />
              <Bar yAxisId="flow" dataKey="redeemed" name="Redeemed" fill="#7c3aed" />
              <Bar yAxisId="flow" dataKey="expired" name="Expired" fill="#f97316" />
              <Line yAxisId="outstanding" dataKey="outstanding" name="Outstanding" stroke="#0ea5e9" dot={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
      <div className="flex items-center justify-between gap-2 px-6 py-3">
        <Heading level="h3">Campaigns in the period</Heading>
        <ExportButtons path="/admin/reports/loyalty/export" query={{ ...query, table: "campaigns" }} what="campaigns" />
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Campaign</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Issued</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Redeemed</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Discount given</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Revenue per ₹1 of discount</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.campaigns ?? []).map((c) => (
            <Table.Row key={c.campaign_id}>
              <Table.Cell>{c.name}</Table.Cell>
              <Table.Cell className="text-right">{count(c.issued)}</Table.Cell>
              <Table.Cell className="text-right">{count(c.redeemed)}</Table.Cell>
              <Table.Cell className="text-right">{inrPaise(c.revenue_paise)}</Table.Cell>
              <Table.Cell className="text-right">{inrPaise(c.discount_paise)}</Table.Cell>
              <Table.Cell className="text-right">{c.return_on_discount === null ? "—" : `₹${c.return_on_discount.toLocaleString("en-IN", { minimumFractionDigits: 2 })}`}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {data && !data.campaigns.length && <Text size="small" className="px-6 py-4 text-ui-fg-subtle">No offers issued or redeemed in this period.</Text>}
    </Container>
  )
}
