import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { downloadFile } from "../lib/files"
import { inr, when } from "../lib/format"
import { sdk } from "../lib/sdk"

type TaxDocument = {
  id: string
  type: "invoice" | "credit_note"
  number: string
  issued_at: string
  grand_total: number
  return_id: string | null
  exchange_id: string | null
  file: { status: "pending" | "stored" | "failed" | "on_request"; attempts: number; error: string | null; next_attempt_at: string | null }
}

const fileName = (number: string) => `${number.replace(/\//g, "-")}.pdf`

function FileBadge({ file }: { file: TaxDocument["file"] }) {
  if (file.status === "stored") {
    return <Badge size="2xsmall" color="green">PDF stored</Badge>
  }
  if (file.status === "on_request") {
    return <Badge size="2xsmall" color="grey">PDF drawn on download</Badge>
  }
  return (
    <Badge size="2xsmall" color={file.status === "failed" ? "red" : "orange"}>
      {file.status === "failed" ? `PDF not stored (${file.attempts} tries)` : "PDF pending"}
    </Badge>
  )
}

/** On Medusa's order page: the GST tax invoice (download, issue, store again) and the credit notes of its returns. */
const OrderInvoiceWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const client = useQueryClient()
  const key = ["order-tax-documents", order.id]
  const { data, isLoading } = useQuery({
    queryKey: key,
    queryFn: () => sdk.client.fetch<{ invoice: TaxDocument | null; exchange_invoices: TaxDocument[]; credit_notes: TaxDocument[] }>(`/admin/orders/${order.id}/credit-notes`),
  })
  const issue = useMutation({
    mutationFn: (replace_file: boolean) => sdk.client.fetch<{ tax_document: TaxDocument }>(`/admin/orders/${order.id}/invoice`, { method: "POST", body: { replace_file } }),
    onSuccess: ({ tax_document }) => {
      toast.success(tax_document.file.status === "stored" ? `Invoice ${tax_document.number} is ready` : `Invoice ${tax_document.number} issued; its PDF is not stored yet`)
      void client.invalidateQueries({ queryKey: key })
    },
    onError: (e: Error) => toast.error(e.message),
  })
  const download = useMutation({
    mutationFn: (doc: TaxDocument) =>
      downloadFile(doc.type === "invoice" && !doc.exchange_id ? `/admin/orders/${order.id}/invoice` : `/admin/tax-documents/${doc.id}`, fileName(doc.number)),
    onError: (e: Error) => toast.error(e.message),
    onSettled: () => void client.invalidateQueries({ queryKey: key }),
  })
  const invoice = data?.invoice
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Tax invoice</Heading>
        {invoice && <FileBadge file={invoice.file} />}
      </div>
      {isLoading ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">Loading…</Text>
      ) : invoice ? (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <div className="flex items-center justify-between">
            <Text size="small" weight="plus">{invoice.number}</Text>
            <Text size="small">{inr(invoice.grand_total)}</Text>
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle">Issued {when(invoice.issued_at)}</Text>
          {invoice.file.error && <Text size="xsmall" className="text-ui-fg-error">{invoice.file.error}</Text>}
          <div className="flex gap-x-2">
            <Button size="small" variant="secondary" isLoading={download.isPending && download.variables?.id === invoice.id} onClick={() => download.mutate(invoice)}>
              Download PDF
            </Button>
            {invoice.file.status !== "stored" && (
              <Button size="small" variant="transparent" isLoading={issue.isPending} onClick={() => issue.mutate(true)}>
                Store PDF now
              </Button>
            )}
          </div>
        </div>
      ) : (
        <div className="flex items-center justify-between px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">No invoice yet.</Text>
          <Button size="small" variant="secondary" isLoading={issue.isPending} onClick={() => issue.mutate(false)}>
            Issue invoice
          </Button>
        </div>
      )}
      {[
        { title: "Invoices of exchanges", documents: data?.exchange_invoices ?? [] },
        { title: "Credit notes", documents: data?.credit_notes ?? [] },
      ]
        .filter((group) => group.documents.length)
        .map((group) => (
          <div key={group.title} className="flex flex-col gap-y-2 px-6 py-4">
            <Text size="small" weight="plus">{group.title}</Text>
            {group.documents.map((doc) => (
              <div key={doc.id} className="flex items-center justify-between gap-x-2">
                <div>
                  <Text size="small">{doc.number}</Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">{inr(doc.grand_total)} · {when(doc.issued_at)}</Text>
                </div>
                <Button size="small" variant="transparent" isLoading={download.isPending && download.variables?.id === doc.id} onClick={() => download.mutate(doc)}>
                  PDF
                </Button>
              </div>
            ))}
          </div>
        ))}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderInvoiceWidget
