import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import type { CustomerReport } from "../../types/http"
import { inrPaise } from "../lib/format"
import { ExportButtons } from "./export-buttons"
import { sdk } from "../lib/sdk"

const MONTHS_SHOWN = 12
const pct = (n: number | null) => (n === null ? "—" : `${(n * 100).toLocaleString("en-IN", { maximumFractionDigits: 1 })} %`)

/**
 * The customers behind the sales (GET /admin/reports/customers): new,
 * returning and repeat buyers in the period, the best customers, the lapsed
 * ones by what they have spent, and the cohort heat map — each cohort's
 * share of customers buying again, month by month since their first purchase.
 */
export function CustomerReportSection({ from, to, branchId }: { from: string; to: string; branchId?: string }) {
  const query = { from, to, ...(branchId ? { branch_id: branchId } : {}) }
  const { data, error } = useQuery({
    queryKey: ["reports", "customers", query],
    queryFn: () => sdk.client.fetch<CustomerReport>("/admin/reports/customers", { query }),
  })
  const months = Array.from({ length: MONTHS_SHOWN }, (_, m) => m)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Customers</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {data
            ? `${data.mix.customers.toLocaleString("en-IN")} customers bought in the period: ${data.mix.new_customers.toLocaleString("en-IN")} new (${inrPaise(data.mix.new_revenue_paise)}), ${data.mix.returning_customers.toLocaleString("en-IN")} returning; ${pct(data.mix.repeat_rate)} bought twice or more.`
            : "Who bought in the period."}
        </Text>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      <div className="grid grid-cols-1 divide-y xl:grid-cols-2 xl:divide-x xl:divide-y-0">
        <div>
          <div className="flex items-center justify-between gap-2 px-6 py-3">
            <Heading level="h3">Top customers</Heading>
            <ExportButtons path="/admin/reports/customers/export" query={{ ...query, table: "top" }} what="top customers" />
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Bills</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Before GST</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(data?.top ?? []).map((c) => (
                <Table.Row key={c.customer_id}>
                  <Table.Cell><Link to={`/customers/${c.customer_id}`} className="text-ui-fg-interactive">{c.name}</Link></Table.Cell>
                  <Table.Cell className="text-right">{c.bills}</Table.Cell>
                  <Table.Cell className="text-right">{inrPaise(c.revenue_paise)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        <div>
          <div className="flex items-center justify-between gap-2 px-6 py-3">
            <Heading level="h3">Lapsed for {data?.lapsed_days ?? 180} days ({data?.lapsed.count.toLocaleString("en-IN") ?? "…"})</Heading>
            <ExportButtons path="/admin/reports/customers/export" query={{ ...query, table: "lapsed" }} what="lapsed customers" />
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell>Last purchase</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Spent in all</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(data?.lapsed.customers ?? []).map((c) => (
                <Table.Row key={c.customer_id}>
                  <Table.Cell><Link to={`/customers/${c.customer_id}`} className="text-ui-fg-interactive">{c.name}</Link></Table.Cell>
                  <Table.Cell>{new Date(c.last_purchase_at).toLocaleDateString("en-IN", { dateStyle: "medium" })}</Table.Cell>
                  <Table.Cell className="text-right">{inrPaise(c.lifetime_revenue_paise)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </div>
      {!!data && (
        <div className="grid grid-cols-1 divide-y xl:grid-cols-2 xl:divide-x xl:divide-y-0" aria-label="RFM segments">
          <div>
            <Heading level="h3" className="px-6 py-3">RFM segments: start → end of the period</Heading>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Segment</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">At the start</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">At the end</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.rfm.sizes.map((s) => (
                  <Table.Row key={s.segment}>
                    <Table.Cell>{s.label}</Table.Cell>
                    <Table.Cell className="text-right">{s.start.toLocaleString("en-IN")}</Table.Cell>
                    <Table.Cell className="text-right">{s.end.toLocaleString("en-IN")}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <div>
            <Heading level="h3" className="px-6 py-3">Largest moves</Heading>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>From</Table.HeaderCell>
                  <Table.HeaderCell>To</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Customers</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.rfm.moves.slice(0, 8).map((m) => (
                  <Table.Row key={`${m.from}>${m.to}`}>
                    <Table.Cell>{m.from_label}</Table.Cell>
                    <Table.Cell>{m.from === m.to ? "stayed" : m.to_label}</Table.Cell>
                    <Table.Cell className="text-right">{m.customers.toLocaleString("en-IN")}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </div>
      )}
      {!!data?.occasions.kinds.length && (
        <div className="flex flex-wrap gap-3 px-6 py-4" aria-label="Occasions turned into sales">
          {data.occasions.kinds.map((o) => (
            <div key={o.kind} className="flex flex-col gap-y-1 rounded-lg border px-4 py-3">
              <Text size="small" className="text-ui-fg-subtle">{o.kind === "birthday" ? "Birthdays" : "Anniversaries"} in the period</Text>
              <Text size="large" weight="plus">
                {o.converted.toLocaleString("en-IN")} of {o.occasions.toLocaleString("en-IN")} bought ({pct(o.conversion_rate)})
              </Text>
              <Text size="xsmall" className="text-ui-fg-muted">within {data.occasions.days} days of the day: {inrPaise(o.revenue_paise)}</Text>
            </div>
          ))}
        </div>
      )}
      <div className="overflow-x-auto px-6 py-4" aria-label="Cohorts">
        <div className="flex items-center justify-between gap-2 pb-2">
          <Heading level="h3">Cohorts by first purchase: customers buying again, month by month</Heading>
          <ExportButtons path="/admin/reports/customers/export" query={{ ...query, table: "cohorts" }} what="cohorts" />
        </div>
        <table className="text-ui-fg-base txt-compact-small w-full">
          <thead>
            <tr>
              <th className="py-1 pr-3 text-left font-medium">Cohort</th>
              <th className="py-1 pr-3 text-right font-medium">Customers</th>
              {months.slice(1).map((m) => <th key={m} className="px-1 py-1 text-right font-medium">+{m}</th>)}
            </tr>
          </thead>
          <tbody>
            {(data?.cohorts ?? []).map((c) => (
              <tr key={c.cohort}>
                <td className="py-1 pr-3">{c.cohort}</td>
                <td className="py-1 pr-3 text-right">{c.size.toLocaleString("en-IN")}</td>
                {months.slice(1).map((m) => {
                  const cell = c.months.find((x) => x.month === m)
                  const share = cell && c.size ? cell.customers / c.size : 0
                  return (
                    <td key={m} className="px-1 py-1 text-right" style={{ backgroundColor: share ? `rgba(124, 58, 237, ${Math.min(0.15 + share, 0.9)})` : undefined }} title={cell ? `${cell.customers} customers, ${inrPaise(cell.revenue_paise)}` : undefined}>
                      {cell ? pct(share) : ""}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Container>
  )
}
