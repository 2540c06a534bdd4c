import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import type { StaffReport } from "../../types/http"
import { inrPaise } from "../lib/format"
import { sdk } from "../lib/sdk"
import { ExportButtons } from "./export-buttons"

const count = (n: number) => n.toLocaleString("en-IN")

/**
 * Each staff member's sales and follow-ups, per branch (GET /admin/reports/staff):
 * bills, pieces and sales before GST in the period, the average bill, and
 * follow-ups done (late ones marked) and open now (overdue ones marked).
 */
export function StaffReportSection({ from, to, branchId }: { from: string; to: string; branchId?: string }) {
  const query = { from, to, ...(branchId ? { branch_id: branchId } : {}) }
  const { data, error } = useQuery({
    queryKey: ["reports", "staff", query],
    queryFn: () => sdk.client.fetch<StaffReport>("/admin/reports/staff", { query }),
  })
  const rows = [...(data?.rows ?? []), ...(data ? [{ ...data.totals, staff_user_id: "total", branch_id: "", staff_name: "Total", branch_name: "" }] : [])]
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">Staff</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Sales by the staff member who billed them, and their follow-ups with customers: done in the period, and open now.
          </Text>
        </div>
        <ExportButtons path="/admin/reports/staff/export" query={query} what="staff" />
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Staff member</Table.HeaderCell>
            <Table.HeaderCell>Branch</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Bills</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Pieces</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Before GST</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Average bill</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Follow-ups done</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Open</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={`${r.staff_user_id}|${r.branch_id}`}>
              <Table.Cell>{r.staff_user_id === "total" ? <Text size="small" weight="plus">Total</Text> : r.staff_name}</Table.Cell>
              <Table.Cell>{r.branch_name}</Table.Cell>
              <Table.Cell className="text-right">{count(r.bills)}</Table.Cell>
              <Table.Cell className="text-right">{count(r.pieces)}</Table.Cell>
              <Table.Cell className="text-right">{inrPaise(r.revenue_paise)}</Table.Cell>
              <Table.Cell className="text-right">{r.bills ? inrPaise(r.average_bill_paise) : "—"}</Table.Cell>
              <Table.Cell className="text-right">
                {count(r.follow_ups.done)}
                {r.follow_ups.done_late ? <Badge size="2xsmall" color="orange" className="ml-1">{r.follow_ups.done_late} late</Badge> : null}
              </Table.Cell>
              <Table.Cell className="text-right">
                {count(r.follow_ups.open)}
                {r.follow_ups.overdue ? <Badge size="2xsmall" color="red" className="ml-1">{r.follow_ups.overdue} overdue</Badge> : null}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {data && !data.rows.length && <Text size="small" className="px-6 py-4 text-ui-fg-subtle">No sales or follow-ups in this period.</Text>}
    </Container>
  )
}
