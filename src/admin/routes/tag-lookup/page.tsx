import { defineRouteConfig } from "@medusajs/admin-sdk"
import { MagnifyingGlass } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { inr } from "../../lib/format"
import { sdk } from "../../lib/sdk"
import type { Breakdown } from "../../lib/types"
import { TagLabelsPanel } from "../../components/tag-labels-panel"

type Lookup = {
  piece: { metal: string; purity: number; gross_weight_mg: number; net_weight_mg: number; huid: string | null; tag_code: string; stock_unit: "piece" | "count" }
  variant: { id: string; sku: string; title: string } | null
  product: { id: string; title: string; handle: string } | null
  stock: { branch_code: string; branch_name: string; stocked: number; reserved: number; available: number }[]
  /** Transfers carrying the piece between branches: in no branch's stock until scanned in. */
  in_transit: { transfer_id: string; number: string; from_branch_name: string; to_branch_name: string; quantity: number }[]
  /** Approval memos the piece is out on: with a customer, in no branch's stock until returned or bought. */
  on_approval: { memo_id: string; number: string; branch_name: string; quantity: number; due_at: string }[]
  breakdown: Breakdown | null
}

/**
 * A tag that holds several articles (from before one piece per tag): it keeps one, and each other gets a tag and
 * HUID of its own here (POST /admin/jewelry/tags/:code/split), staying where it is.
 */
function SplitTag({ tag, articles, hallmarked }: { tag: string; articles: number; hallmarked: boolean }) {
  const queryClient = useQueryClient()
  const [rows, setRows] = useState(() => Array.from({ length: articles - 1 }, () => ({ tag_code: "", huid: "" })))
  const set = (i: number, change: Partial<(typeof rows)[number]>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)))
  const split = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ split: { new_pieces: { sku: string }[] } }>(`/admin/jewelry/tags/${encodeURIComponent(tag)}/split`, {
        method: "POST",
        body: { articles: rows.map((r) => ({ tag_code: r.tag_code.trim(), ...(r.huid.trim() ? { huid: r.huid.trim() } : {}) })) },
      }),
    onSuccess: ({ split }) => {
      toast.success(`${tag} split`, { description: `New pieces: ${split.new_pieces.map((p) => p.sku).join(", ")}` })
      queryClient.invalidateQueries({ queryKey: ["tag-lookup"] })
    },
    onError: (e: Error) => toast.error("Not split", { description: e.message }),
  })
  const ready = rows.every((r) => r.tag_code.trim() && (!hallmarked || r.huid.trim()))
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <Heading level="h3">Split into pieces</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {tag} holds {articles} articles in stock, and a piece is one article. It keeps one; give each of the other {articles - 1} a tag
        {hallmarked ? " and its HUID" : ""}. Each stays where it is.
      </Text>
      {rows.map((r, i) => (
        <div key={i} className="flex gap-x-2">
          <Input size="small" aria-label={`New tag ${i + 1}`} placeholder={`${tag}-${i + 2}`} value={r.tag_code} onChange={(e) => set(i, { tag_code: e.target.value })} />
          <Input size="small" aria-label={`HUID ${i + 1}`} placeholder="HUID" value={r.huid} onChange={(e) => set(i, { huid: e.target.value })} />
        </div>
      ))}
      <div>
        <Button size="small" variant="secondary" disabled={!ready} isLoading={split.isPending} onClick={() => split.mutate()}>
          Split {tag}
        </Button>
      </div>
    </div>
  )
}

/** At the counter: scan or type a tag, see the piece, where it is in stock and what it costs today. */
const TagLookupPage = () => {
  const [input, setInput] = useState("")
  const [code, setCode] = useState<string | null>(null)
  const { data, error, isFetching } = useQuery({
    queryKey: ["tag-lookup", code],
    queryFn: () => sdk.client.fetch<Lookup>(`/admin/jewelry/tags/${encodeURIComponent(code!)}`),
    enabled: !!code,
    retry: false,
  })
  const g = (mg: number) => `${(mg / 1000).toFixed(3)} g`

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Tag lookup</Heading>
          <Text size="small" className="text-ui-fg-subtle">Scan a barcode or type a tag code.</Text>
        </div>
        <form
          className="flex gap-x-2 px-6 py-4"
          onSubmit={(e) => {
            e.preventDefault()
            setCode(input.trim() || null)
          }}
        >
          <Input autoFocus placeholder="SGJ-RNG-LAK-22K-12" value={input} onChange={(e) => setInput(e.target.value)} />
          <Button type="submit" isLoading={isFetching}>Look up</Button>
        </form>
        {error && (
          <div className="px-6 py-4">
            <Text size="small" className="text-ui-fg-error">{(error as Error).message}</Text>
          </div>
        )}
      </Container>

      {data && (
        <Container className="divide-y p-0">
          <div className="flex items-center justify-between px-6 py-4">
            <div>
              <Heading level="h2">{data.product?.title ?? data.piece.tag_code}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {data.variant?.sku} · {data.piece.metal} {data.piece.purity} · gross {g(data.piece.gross_weight_mg)} · net{" "}
                {g(data.piece.net_weight_mg)} · HUID {data.piece.huid ?? "—"}
              </Text>
            </div>
            {data.product && data.variant && (
              <Link to={`/products/${data.product.id}/variants/${data.variant.id}`}>
                <Button variant="secondary" size="small">Open piece</Button>
              </Link>
            )}
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Branch</Table.HeaderCell>
                <Table.HeaderCell className="text-right">In stock</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Reserved</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Available</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.stock.map((s) => (
                <Table.Row key={s.branch_code}>
                  <Table.Cell>{s.branch_name}</Table.Cell>
                  <Table.Cell className="text-right">{s.stocked}</Table.Cell>
                  <Table.Cell className="text-right">{s.reserved}</Table.Cell>
                  <Table.Cell className="text-right">
                    <Badge size="2xsmall" color={s.available > 0 ? "green" : "grey"}>{s.available}</Badge>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {data.in_transit.map((t) => (
            <div key={t.transfer_id} className="px-6 py-3">
              <Text size="small">
                <Badge size="2xsmall" color="orange">In transit</Badge> {t.quantity > 1 ? `${t.quantity} pieces ` : ""}from {t.from_branch_name} to {t.to_branch_name} on{" "}
                <Link className="text-ui-fg-interactive" to={`/stock-transfers?transfer=${t.transfer_id}`}>{t.number}</Link>
              </Text>
            </div>
          ))}
          {data.on_approval.map((m) => (
            <div key={m.memo_id} className="px-6 py-3">
              <Text size="small">
                <Badge size="2xsmall" color="purple">On approval</Badge> {m.quantity > 1 ? `${m.quantity} pieces ` : ""}from {m.branch_name}, due back {new Date(m.due_at).toLocaleDateString("en-IN")}, on{" "}
                <Link className="text-ui-fg-interactive" to={`/approval-memos?memo=${m.memo_id}`}>{m.number}</Link>
              </Text>
            </div>
          ))}
          {data.breakdown && (
            <div className="grid grid-cols-2 gap-y-1 px-6 py-4 md:grid-cols-4">
              <Text size="small">Metal @ {inr(data.breakdown.rate_per_g)}/g</Text>
              <Text size="small" className="text-right md:text-left">{inr(data.breakdown.metal_value)}</Text>
              <Text size="small">Wastage</Text>
              <Text size="small" className="text-right md:text-left">{inr(data.breakdown.wastage)}</Text>
              <Text size="small">Making</Text>
              <Text size="small" className="text-right md:text-left">{inr(data.breakdown.making_charge)}</Text>
              <Text size="small">Stones</Text>
              <Text size="small" className="text-right md:text-left">{inr(data.breakdown.stone_value)}</Text>
              <Text size="small">Other</Text>
              <Text size="small" className="text-right md:text-left">{inr(data.breakdown.other_charges)}</Text>
              <Text size="small">Taxable value</Text>
              <Text size="small" className="text-right md:text-left">{inr(data.breakdown.taxable_value)}</Text>
              <Text size="small">GST {data.breakdown.gst.rate_percent} %</Text>
              <Text size="small" className="text-right md:text-left">{inr(data.breakdown.gst.total)}</Text>
              <Text size="small" weight="plus">Price today</Text>
              <Text size="small" weight="plus" className="text-right md:text-left">{inr(data.breakdown.invoice_total)}</Text>
            </div>
          )}
          {data.piece.stock_unit === "piece" && data.stock.reduce((n, s) => n + s.stocked, 0) > 1 && (
            <SplitTag
              key={data.piece.tag_code}
              tag={data.piece.tag_code}
              articles={data.stock.reduce((n, s) => n + s.stocked, 0)}
              hallmarked={!!data.piece.huid}
            />
          )}
          <div className="px-6 pt-4">
            <Heading level="h3">Tag labels</Heading>
          </div>
          <TagLabelsPanel tagCodes={[data.piece.tag_code]} />
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Tag lookup",
  icon: MagnifyingGlass,
})

export default TagLookupPage
