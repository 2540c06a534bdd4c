import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath, TruckFast } from "@medusajs/icons"
import { Button, Container, Heading, IconButton, Input, Label, Select, StatusBadge, Table, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useCallback, useEffect, useRef, useState } from "react"
import type {
  BranchSummary as Branch,
  StockTransferLineResult,
  StockTransferListResponse,
  StockTransferResponse,
  StockTransferScanResponse,
  StockTransferStatusName,
  StockTransferView,
} from "../../../types/http"
import { useCounterBranches } from "../../components/counter-fields"
import { DeskPage, EmptyList, FilterTabs } from "../../components/desk-page"
import { Paginator } from "../../components/paginator"
import { ProgressBar } from "../../components/progress-bar"
import { may, useStaffAccess } from "../../lib/access"
import { downloadFile } from "../../lib/files"
import { inrPaise, newIdempotencyKey, when } from "../../lib/format"
import { sdk } from "../../lib/sdk"
import { parsePieces } from "../../lib/tags"

const STATUS_COLOR: Record<StockTransferStatusName, "orange" | "green" | "grey"> = { in_transit: "orange", received: "green", cancelled: "grey" }
const STATUS_LABEL: Record<StockTransferStatusName, string> = { in_transit: "In transit", received: "Received", cancelled: "Cancelled" }
const RESULT_COLOR: Record<StockTransferLineResult, "orange" | "green" | "red" | "purple"> = { in_transit: "orange", received: "green", short: "red", extra: "purple" }
const RESULT_LABEL: Record<StockTransferLineResult, string> = { in_transit: "In transit", received: "Received", short: "Short", extra: "Extra" }

const challanPdf = (t: StockTransferView) =>
  downloadFile(`/admin/stock-transfers/${t.id}/challan`, `${t.number.replace(/\//g, "-")}.pdf`).catch((e: Error) => toast.error("Challan not downloaded", { description: e.message }))

/** A new transfer note: from one of the user's branches to any other, the tags scanned or typed one a line. */
function SendPieces({ mine, all, onSent }: { mine: Branch[]; all: Branch[]; onSent: (id: string) => void }) {
  const queryClient = useQueryClient()
  const [fromId, setFromId] = useState("")
  const [toId, setToId] = useState("")
  const [carrier, setCarrier] = useState("")
  const [tags, setTags] = useState("")
  // One key per note: pressing Send again after a lost answer sends nothing twice.
  const [key, setKey] = useState(() => newIdempotencyKey("TRANSFER"))
  useEffect(() => {
    if (!fromId && mine.length) {
      setFromId(mine[0].id)
    }
  }, [fromId, mine])
  const destinations = all.filter((b) => b.id !== fromId)
  const pieces = parsePieces(tags)
  const send = useMutation({
    mutationFn: () =>
      sdk.client.fetch<StockTransferResponse>("/admin/stock-transfers", {
        method: "POST",
        body: { from_branch_id: fromId, to_branch_id: toId, pieces, ...(carrier.trim() ? { carrier: carrier.trim() } : {}), idempotency_key: key },
      }),
    onSuccess: ({ transfer }) => {
      toast.success(`Transfer ${transfer.number} sent`, { description: `${transfer.summary.sent.quantity} pieces on their way to ${transfer.to_branch.name}` })
      setTags("")
      setCarrier("")
      setKey(newIdempotencyKey("TRANSFER"))
      queryClient.invalidateQueries({ queryKey: ["stock-transfer"] })
      onSent(transfer.id)
    },
    onError: (e: Error) => toast.error("Not sent", { description: e.message }),
  })
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <div className="grid grid-cols-1 items-end gap-4 md:grid-cols-3">
        <div className="flex flex-col gap-y-1">
          <Label size="small">From</Label>
          <Select value={fromId} onValueChange={setFromId}>
            <Select.Trigger aria-label="From branch"><Select.Value placeholder="Branch sending" /></Select.Trigger>
            <Select.Content>{mine.map((b) => <Select.Item key={b.id} value={b.id}>{b.name}</Select.Item>)}</Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small">To</Label>
          <Select value={toId} onValueChange={setToId}>
            <Select.Trigger aria-label="To branch"><Select.Value placeholder="Branch receiving" /></Select.Trigger>
            <Select.Content>{destinations.map((b) => <Select.Item key={b.id} value={b.id}>{b.name}</Select.Item>)}</Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="transfer-carrier">Carrier</Label>
          <Input id="transfer-carrier" placeholder="Courier and docket, or who carries it" value={carrier} onChange={(e) => setCarrier(e.target.value)} />
        </div>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="transfer-tags">Tags, one a line (scan them here; "TAG x 5" for several pieces under one tag)</Label>
        <Textarea id="transfer-tags" rows={5} value={tags} onChange={(e) => setTags(e.target.value)} placeholder={"SGJ-G22-RNG-0012\nSGJ-SLV-COIN-10G x 5"} />
      </div>
      <div className="flex items-center justify-between">
        <Text size="small" className="text-ui-fg-subtle">{pieces.length} tag{pieces.length === 1 ? "" : "s"}; the pieces leave this branch's stock when sent and join the other's as they are scanned in there.</Text>
        <Button size="small" disabled={!fromId || !toId || !pieces.length} isLoading={send.isPending} onClick={() => send.mutate()}>Send pieces</Button>
      </div>
    </div>
  )
}

/** The receiving branch's scan box: a scanner types the tag and Enter; scans queue while the server answers. */
function ReceiveBox({ transfer, onScanned }: { transfer: StockTransferView; onScanned: () => void }) {
  const input = useRef<HTMLInputElement>(null)
  const queue = useRef<string[]>([])
  const busy = useRef(false)
  const [tag, setTag] = useState("")
  const [pending, setPending] = useState(0)
  const [last, setLast] = useState<{ tone: "green" | "orange" | "red"; title: string } | null>(null)
  const refocus = useCallback(() => setTimeout(() => input.current?.focus(), 0), [])
  useEffect(() => {
    refocus()
  }, [transfer.id, refocus])
  const drain = useCallback(async () => {
    if (busy.current) {
      return
    }
    busy.current = true
    while (queue.current.length) {
      const next = queue.current.shift()!
      setPending(queue.current.length)
      try {
        const { scan } = await sdk.client.fetch<StockTransferScanResponse>(`/admin/stock-transfers/${transfer.id}/scans`, {
          method: "POST",
          body: { tag_code: next, branch_id: transfer.to_branch.id },
        })
        setLast({ tone: scan.result === "received" ? "green" : "orange", title: `${scan.tag_code}: ${scan.message}` })
      } catch (e) {
        setLast({ tone: "red", title: `${next}: ${(e as Error).message}` })
      }
      onScanned()
    }
    setPending(0)
    busy.current = false
  }, [transfer.id, transfer.to_branch.id, onScanned])
  const TONE = { green: "bg-ui-tag-green-bg text-ui-tag-green-text border-ui-tag-green-border", orange: "bg-ui-tag-orange-bg text-ui-tag-orange-text border-ui-tag-orange-border", red: "bg-ui-tag-red-bg text-ui-tag-red-text border-ui-tag-red-border" }
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="receive-tag">Scan the pieces received at {transfer.to_branch.name} (Enter){pending ? ` · ${pending} waiting` : ""}</Label>
        <Input
          id="receive-tag"
          ref={input}
          autoComplete="off"
          placeholder="SGJ-…"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && tag.trim()) {
              e.preventDefault()
              queue.current.push(tag.trim())
              setTag("")
              void drain()
            }
          }}
        />
      </div>
      {last && (
        <div role="status" className={`rounded-md border px-4 py-3 ${TONE[last.tone]}`}>
          <Text size="large" weight="plus">{last.title}</Text>
        </div>
      )}
    </div>
  )
}

/** One transfer: its figures, the challan, scanning in and closing at the receiver, cancelling at the sender. */
function TransferDesk({ transferId, myBranchIds, canMove }: { transferId: string; myBranchIds: string[] | null; canMove: boolean }) {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const { data } = useQuery({
    queryKey: ["stock-transfer", transferId],
    queryFn: () => sdk.client.fetch<StockTransferResponse>(`/admin/stock-transfers/${transferId}`),
    placeholderData: (previous) => previous,
  })
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: ["stock-transfer"] }), [queryClient])
  const act = useMutation({
    mutationFn: (action: "close" | "cancel") =>
      sdk.client.fetch<StockTransferResponse>(`/admin/stock-transfers/${transferId}/${action}`, { method: "POST", body: action === "close" ? { branch_id: data!.transfer.to_branch.id } : {} }),
    onSuccess: ({ transfer }, action) => {
      toast.success(action === "close" ? `${transfer.number} received: ${transfer.summary.received.quantity} of ${transfer.summary.sent.quantity}, ${transfer.summary.short.quantity} short` : `${transfer.number} cancelled: the pieces are back in stock`)
      refresh()
    },
    onError: (e: Error) => toast.error("Not done", { description: e.message }),
  })
  if (!data) {
    return null
  }
  const { transfer, lines } = data
  const s = transfer.summary
  const atBranch = (id: string) => myBranchIds === null || myBranchIds.includes(id)
  const receiving = transfer.status === "in_transit" && canMove && atBranch(transfer.to_branch.id)
  const sending = transfer.status === "in_transit" && canMove && atBranch(transfer.from_branch.id) && s.received.tags + s.extra.tags === 0
  const confirmThen = async (action: "close" | "cancel", title: string, description: string) => {
    if (await prompt({ title, description, confirmText: title, cancelText: "Not now" })) {
      act.mutate(action)
    }
  }
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{transfer.number}: {transfer.from_branch.name} → {transfer.to_branch.name}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Sent {when(transfer.dispatched_at)}{transfer.dispatched_by ? ` by ${transfer.dispatched_by.name}` : ""}{transfer.carrier ? ` · ${transfer.carrier}` : ""}
            {transfer.received_at ? ` · received ${when(transfer.received_at)}${transfer.received_by ? ` by ${transfer.received_by.name}` : ""}` : ""}
            {transfer.cancelled_at ? ` · cancelled ${when(transfer.cancelled_at)}` : ""}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <StatusBadge color={STATUS_COLOR[transfer.status]}>{STATUS_LABEL[transfer.status]}</StatusBadge>
          <IconButton variant="transparent" aria-label="Refresh" onClick={refresh}><ArrowPath /></IconButton>
        </div>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <div className="flex items-baseline justify-between">
          <Text size="large" weight="plus">{s.received.quantity} received of {s.sent.quantity} sent</Text>
          <Text size="small" className="text-ui-fg-subtle">Value {inrPaise(transfer.value_paise)} · {transfer.challan_kind === "inter_state" ? "inter-state (IGST on the challan)" : "within the state"}</Text>
        </div>
        <ProgressBar done={s.received.quantity} total={s.sent.quantity} />
        <Text size="small">In transit: {s.in_transit.quantity} · Short: {s.short.quantity} · Extra scanned: {s.extra.tags}</Text>
      </div>
      {receiving && <ReceiveBox transfer={transfer} onScanned={refresh} />}
      <div className="flex flex-wrap gap-2 px-6 py-4">
        <Button size="small" variant="secondary" onClick={() => void challanPdf(transfer)}>Delivery challan (PDF)</Button>
        {receiving && (
          <Button size="small" isLoading={act.isPending} onClick={() => void confirmThen("close", "Close receipt", `Pieces not scanned in (${s.in_transit.quantity}) will be marked short and stay out of stock until found.`)}>Close receipt</Button>
        )}
        {sending && (
          <Button size="small" variant="secondary" isLoading={act.isPending} onClick={() => void confirmThen("cancel", "Cancel transfer", `The pieces go back into ${transfer.from_branch.name}'s stock.`)}>Cancel transfer</Button>
        )}
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Tag</Table.HeaderCell>
            <Table.HeaderCell>Piece</Table.HeaderCell>
            <Table.HeaderCell>HUID</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Net g</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Qty</Table.HeaderCell>
            <Table.HeaderCell>State</Table.HeaderCell>
            <Table.HeaderCell>Scanned</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {lines.map((l) => (
            <Table.Row key={l.id}>
              <Table.Cell>{l.tag_code}</Table.Cell>
              <Table.Cell>{l.description ?? (l.result === "extra" ? "Unknown tag" : "—")}</Table.Cell>
              <Table.Cell>{l.huid ?? ""}</Table.Cell>
              <Table.Cell className="text-right">{l.net_weight_mg === null ? "" : (l.net_weight_mg / 1000).toFixed(3)}</Table.Cell>
              <Table.Cell className="text-right">{l.quantity}</Table.Cell>
              <Table.Cell><StatusBadge color={RESULT_COLOR[l.result]}>{RESULT_LABEL[l.result]}</StatusBadge></Table.Cell>
              <Table.Cell>{l.scanned_at ? `${when(l.scanned_at)}${l.scanned_by ? ` · ${l.scanned_by.name}` : ""}` : ""}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

/** Transfers from or to the user's branches, newest first. */
function TransferList({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const [page, setPage] = useState(0)
  const [status, setStatus] = useState<StockTransferStatusName | "all">("all")
  useEffect(() => setPage(0), [status])
  const { data } = useQuery({
    queryKey: ["stock-transfer", "list", status, page],
    queryFn: () => sdk.client.fetch<StockTransferListResponse>("/admin/stock-transfers", { query: { limit: 10, offset: page * 10, ...(status === "all" ? {} : { status }) } }),
  })
  return (
    <>
      <FilterTabs tabs={[["all", "All"], ...(["in_transit", "received", "cancelled"] as const).map((s) => [s, STATUS_LABEL[s]] as const)]} value={status} onChange={setStatus} />
      {data?.count ? (
        <Table>
          <Table.Body>
            {data.transfers.map((t) => (
              <Table.Row key={t.id} className={`cursor-pointer ${t.id === selected ? "bg-ui-bg-highlight" : ""}`} onClick={() => onSelect(t.id)}>
                <Table.Cell>{t.number}</Table.Cell>
                <Table.Cell>{t.from_branch.name} → {t.to_branch.name}</Table.Cell>
                <Table.Cell>{when(t.dispatched_at)}</Table.Cell>
                <Table.Cell><StatusBadge color={STATUS_COLOR[t.status]}>{STATUS_LABEL[t.status]}</StatusBadge></Table.Cell>
                <Table.Cell className="text-right">{t.summary.received.quantity} of {t.summary.sent.quantity} received{t.summary.short.quantity ? ` · ${t.summary.short.quantity} short` : ""}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <EmptyList>No transfers yet.</EmptyList>
      )}
      {data && <Paginator count={data.count} pageSize={10} page={page} setPage={setPage} />}
    </>
  )
}

const StockTransfersPage = () => {
  const { data: me } = useStaffAccess()
  const { all, mine } = useCounterBranches()
  const canMove = may(me, "stock", "write")
  return (
    <DeskPage
      title="Stock transfers"
      description="Send pieces to another branch with a delivery challan. They leave this branch's stock when sent and are sellable nowhere while in transit; the receiving branch scans them in, and closing the receipt marks what never arrived as short."
      resource="stock"
      what="see stock transfers"
      param="transfer"
      form={canMove ? (select) => <SendPieces mine={mine} all={all} onSent={select} /> : null}
      list={(selected, select) => <TransferList selected={selected} onSelect={select} />}
      desk={(id) => <TransferDesk transferId={id} myBranchIds={me?.branch_scoped ? me.branch_ids : null} canMove={canMove} />}
    />
  )
}

export const config = defineRouteConfig({
  label: "Stock transfers",
  icon: TruckFast,
})

export default StockTransfersPage
