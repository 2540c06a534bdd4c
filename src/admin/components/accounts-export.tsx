import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { downloadFile } from "../lib/files"

/**
 * "For the accounts": the period's GST invoices, credit notes, receipts, refunds and old gold bought as Tally
 * vouchers (XML to import into Tally) or CSV for other packages, from
 * GET /admin/reports/tally with the page's period and branch.
 */
export function AccountsExportSection({ from, to, branchId }: { from: string; to: string; branchId?: string }) {
  const [busy, setBusy] = useState<"xml" | "csv" | null>(null)
  const download = (format: "xml" | "csv") => {
    setBusy(format)
    const params = new URLSearchParams({ from, to, format, ...(branchId ? { branch_id: branchId } : {}) })
    downloadFile(`/admin/reports/tally?${params.toString()}`, `tally.${format}`)
      .catch((e: Error) => toast.error(e.message))
      .finally(() => setBusy(null))
  }
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">For the accounts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The period's tax invoices, credit notes, payments received (scheme instalments too), refunds and old gold bought as vouchers: XML to import into Tally (ledgers created as needed), or CSV for other packages.
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" isLoading={busy === "xml"} onClick={() => download("xml")}>Export for Tally</Button>
          <Button size="small" variant="secondary" isLoading={busy === "csv"} onClick={() => download("csv")}>Export vouchers as CSV</Button>
        </div>
      </div>
    </Container>
  )
}
