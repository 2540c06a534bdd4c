import { Button, Container, Heading, Input, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { ROLE_LABELS } from "../lib/access"
import { sdk } from "../lib/sdk"

type RateChange = "none" | "raise" | "any"
type Limits = { role: string; making_discount_bps: number | null; making_discount_paise: number | null; bill_discount_paise: number | null; rate_change: RateChange }
type Draft = { role: "branch_manager" | "sales_staff"; making_percent: string; making_rupees: string; bill_rupees: string; rate_change: RateChange }

const EDITABLE = ["branch_manager", "sales_staff"] as const
// Blank is "no limit", as the API's null.
const shown = (value: number | null, scale: number) => (value === null ? "" : String(value / scale))
// Text that is not a number goes to the server as typed, which refuses it with the field named (never "no limit").
const stored = (text: string, scale: number) => {
  if (text.trim() === "") {
    return null
  }
  const value = Number(text.replace(/,/g, ""))
  return Number.isFinite(value) ? Math.round(value * scale) : text
}

/** The owner's table of what branch managers and sales staff may take off a counter bill without asking (docs/counter.md). */
export function PriceLimitsPanel() {
  const queryClient = useQueryClient()
  const { data } = useQuery({ queryKey: ["pos-price-limits"], queryFn: () => sdk.client.fetch<{ limits: Limits[] }>("/admin/pos/price-limits") })
  const [drafts, setDrafts] = useState<Draft[]>([])
  useEffect(() => {
    if (data) {
      setDrafts(
        EDITABLE.map((role) => {
          const l = data.limits.find((x) => x.role === role)!
          return { role, making_percent: shown(l.making_discount_bps, 100), making_rupees: shown(l.making_discount_paise, 100), bill_rupees: shown(l.bill_discount_paise, 100), rate_change: l.rate_change }
        })
      )
    }
  }, [data])
  const save = useMutation({
    mutationFn: () =>
      sdk.client.fetch("/admin/pos/price-limits", {
        method: "POST",
        body: {
          limits: drafts.map((d) => ({
            role: d.role,
            making_discount_bps: stored(d.making_percent, 100),
            making_discount_paise: stored(d.making_rupees, 100),
            bill_discount_paise: stored(d.bill_rupees, 100),
            rate_change: d.rate_change,
          })),
        },
      }),
    onSuccess: () => {
      toast.success("Price limits saved")
      queryClient.invalidateQueries({ queryKey: ["pos-price-limits"] })
    },
    onError: (e: Error) => toast.error("Not saved", { description: e.message }),
  })
  const set = (role: string, patch: Partial<Draft>) => setDrafts((list) => list.map((d) => (d.role === role ? { ...d, ...patch } : d)))
  if (!drafts.length) {
    return null
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Price limits</Heading>
        <Text size="small" className="text-ui-fg-subtle">What each role may give at the counter without asking a manager; blank is no limit. Every change is audited.</Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Role</Table.HeaderCell>
            <Table.HeaderCell>Off a piece's making charge (%)</Table.HeaderCell>
            <Table.HeaderCell>Making discounts on a bill (₹)</Table.HeaderCell>
            <Table.HeaderCell>Off the bill (₹)</Table.HeaderCell>
            <Table.HeaderCell>Metal rate on a bill</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {drafts.map((d) => (
            <Table.Row key={d.role}>
              <Table.Cell>{ROLE_LABELS[d.role]}</Table.Cell>
              <Table.Cell><Input size="small" aria-label={`${ROLE_LABELS[d.role]}: % off making`} inputMode="decimal" value={d.making_percent} onChange={(e) => set(d.role, { making_percent: e.target.value })} /></Table.Cell>
              <Table.Cell><Input size="small" aria-label={`${ROLE_LABELS[d.role]}: making discounts a bill`} inputMode="decimal" value={d.making_rupees} onChange={(e) => set(d.role, { making_rupees: e.target.value })} /></Table.Cell>
              <Table.Cell><Input size="small" aria-label={`${ROLE_LABELS[d.role]}: off the bill`} inputMode="decimal" value={d.bill_rupees} onChange={(e) => set(d.role, { bill_rupees: e.target.value })} /></Table.Cell>
              <Table.Cell>
                <Select value={d.rate_change} onValueChange={(v) => set(d.role, { rate_change: v as RateChange })}>
                  <Select.Trigger><Select.Value /></Select.Trigger>
                  <Select.Content>
                    <Select.Item value="none">May not change it</Select.Item>
                    <Select.Item value="raise">May raise it only</Select.Item>
                    <Select.Item value="any">May raise or lower it</Select.Item>
                  </Select.Content>
                </Select>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="flex justify-end px-6 py-4">
        <Button size="small" isLoading={save.isPending} onClick={() => save.mutate()}>Save limits</Button>
      </div>
    </Container>
  )
}
