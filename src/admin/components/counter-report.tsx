import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import type { CounterReport } from "../../types/http"
import { grams, inrPaise } from "../lib/format"
import { sdk } from "../lib/sdk"

type Kind = "text" | "count" | "rupees" | "grams"

/** A figure as the section's column kind says: rupees from paise, grams from milligrams. */
function show(kind: Kind, value: string | number | null): string {
  if (value === null) {
    return "—"
  }
  if (typeof value === "string" || kind === "text") {
    return String(value)
  }
  if (kind === "rupees") {
    return inrPaise(value)
  }
  if (kind === "grams") {
    return grams(value)
  }
  return value.toLocaleString("en-IN")
}

/**
 * The counter's reports (GET /admin/reports/counter): one block a section —
 * old gold bought, savings schemes, and whatever a feature adds in
 * src/reports/sections — its figures and its table by branch.
 */
export function CounterReportSection({ from, to, branchId }: { from: string; to: string; branchId?: string }) {
  const query = { from, to, ...(branchId ? { branch_id: branchId } : {}) }
  const { data, error } = useQuery({
    queryKey: ["reports", "counter", query],
    queryFn: () => sdk.client.fetch<CounterReport>("/admin/reports/counter", { query }),
  })
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">At the counter</Heading>
        <Text size="small" className="text-ui-fg-subtle">Old gold bought and savings schemes in the period, by branch.</Text>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {(data?.sections ?? []).map((section) => (
        <div key={section.id} aria-label={section.title}>
          <Heading level="h3" className="px-6 pt-4">{section.title}</Heading>
          {"error" in section ? (
            <Text size="small" className="px-6 py-3 text-ui-fg-error">{section.error}</Text>
          ) : (
            <>
              <div className="grid grid-cols-2 gap-3 px-6 py-3 md:grid-cols-3 xl:grid-cols-5">
                {section.figures.map((f) => (
                  <div key={f.label} className="flex flex-col gap-y-1 rounded-lg border px-4 py-3">
                    <Text size="small" className="text-ui-fg-subtle">{f.label.replace(/ \((₹|g)\)$/, "")}</Text>
                    <Text size="large" weight="plus">{show(f.kind, f.value)}</Text>
                  </div>
                ))}
              </div>
              {section.table && !!section.table.rows.length && (
                <Table>
                  <Table.Header>
                    <Table.Row>
                      {section.table.columns.map((c) => (
                        <Table.HeaderCell key={c.header} className={c.kind === "text" ? undefined : "text-right"}>{c.header.replace(/ \((₹|g)\)$/, "")}</Table.HeaderCell>
                      ))}
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {section.table.rows.map((row, i) => (
                      <Table.Row key={i}>
                        {row.map((cell, j) => (
                          <Table.Cell key={j} className={section.table!.columns[j].kind === "text" ? undefined : "text-right"}>{show(section.table!.columns[j].kind, cell)}</Table.Cell>
                        ))}
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              )}
            </>
          )}
        </div>
      ))}
    </Container>
  )
}
