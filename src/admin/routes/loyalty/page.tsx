import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Sparkles } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { inr } from "../../lib/format"
import { sdk } from "../../lib/sdk"

type Program = {
  earn_basis: "taxable_value" | "making_charges"
  points_per_100_rupees: number
  point_value: number
  min_balance_to_redeem: number
  max_redeem_share_percent: number
  expiry_months: number | null
  tiers: { name: string; min_spend: number; multiplier: number }[]
  welcome_bonus: number
  birthday_bonus: number
  anniversary_bonus: number
}

type Liability = {
  point_value: number
  total: { points: number; value: number }
  by_branch: { branch_id: string; points: number; value: number }[]
  by_expiry_month: { month: string; points: number; value: number }[]
}

type Branch = { id: string; name: string }

const NUMBER_FIELDS: [keyof Program, string][] = [
  ["points_per_100_rupees", "Points per ₹100"],
  ["point_value", "Value of a point (₹)"],
  ["min_balance_to_redeem", "Minimum balance to redeem"],
  ["max_redeem_share_percent", "Largest share of a bill (%)"],
  ["expiry_months", "Points expire after (months, empty: never)"],
  ["welcome_bonus", "Welcome bonus"],
  ["birthday_bonus", "Birthday bonus"],
  ["anniversary_bonus", "Anniversary bonus"],
]

function ProgramForm({ program }: { program: Program }) {
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState(program)
  useEffect(() => setDraft(program), [program])
  const save = useMutation({
    mutationFn: () => sdk.client.fetch<{ program: Program }>("/admin/loyalty/program", { method: "POST", body: draft }),
    onSuccess: () => {
      toast.success("Loyalty program saved")
      queryClient.invalidateQueries({ queryKey: ["loyalty-program"] })
    },
    onError: (e: Error) => toast.error("Not saved", { description: e.message }),
  })
  const setNumber = (key: keyof Program, value: string) =>
    setDraft((d) => ({ ...d, [key]: value === "" && key === "expiry_months" ? null : Number(value) }))
  return (
    <form
      className="flex flex-col gap-y-4 px-6 py-4"
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate()
      }}
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <div className="flex flex-col gap-y-1">
          <Label size="small">Points are earned on</Label>
          <Select value={draft.earn_basis} onValueChange={(v) => setDraft((d) => ({ ...d, earn_basis: v as Program["earn_basis"] }))}>
            <Select.Trigger><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value="taxable_value">the taxable value of the bill</Select.Item>
              <Select.Item value="making_charges">making charges only</Select.Item>
            </Select.Content>
          </Select>
        </div>
        {NUMBER_FIELDS.map(([key, label]) => (
          <div key={key} className="flex flex-col gap-y-1">
            <Label size="small" htmlFor={key}>{label}</Label>
            <Input id={key} inputMode="decimal" value={draft[key] === null ? "" : String(draft[key])} onChange={(e) => setNumber(key, e.target.value)} />
          </div>
        ))}
      </div>
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus">Tiers (by spend in the last 12 months)</Text>
        {draft.tiers.map((tier, i) => (
          <div key={i} className="grid grid-cols-3 gap-2">
            <Input aria-label="Tier name" value={tier.name} onChange={(e) => setDraft((d) => ({ ...d, tiers: d.tiers.map((t, j) => (j === i ? { ...t, name: e.target.value } : t)) }))} />
            <Input aria-label="From spend (₹)" inputMode="decimal" value={String(tier.min_spend)} onChange={(e) => setDraft((d) => ({ ...d, tiers: d.tiers.map((t, j) => (j === i ? { ...t, min_spend: Number(e.target.value) } : t)) }))} />
            <Input aria-label="Multiplier" inputMode="decimal" value={String(tier.multiplier)} onChange={(e) => setDraft((d) => ({ ...d, tiers: d.tiers.map((t, j) => (j === i ? { ...t, multiplier: Number(e.target.value) } : t)) }))} />
          </div>
        ))}
      </div>
      <div>
        <Button type="submit" size="small" isLoading={save.isPending}>Save program</Button>
      </div>
    </form>
  )
}

/** Points and their value, one row per branch or per month. */
function LiabilityTable({ heading, rows }: { heading: string; rows: { key: string; label: string; points: number; value: number }[] }) {
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{heading}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Points</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Value</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.key}>
            <Table.Cell>{row.label}</Table.Cell>
            <Table.Cell className="text-right">{row.points}</Table.Cell>
            <Table.Cell className="text-right">{inr(row.value)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

const LoyaltyPage = () => {
  const { data: program } = useQuery({ queryKey: ["loyalty-program"], queryFn: () => sdk.client.fetch<{ program: Program }>("/admin/loyalty/program") })
  const { data: liability } = useQuery({ queryKey: ["loyalty-liability"], queryFn: () => sdk.client.fetch<Liability>("/admin/loyalty/liability") })
  const { data: branches } = useQuery({ queryKey: ["branches"], queryFn: () => sdk.client.fetch<{ branches: Branch[] }>("/admin/branches", { query: { limit: 100 } }) })
  const branchName = (id: string) => (id === "none" ? "No home branch" : branches?.branches.find((b) => b.id === id)?.name ?? id)
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Loyalty</Heading>
          <Text size="small" className="text-ui-fg-subtle">The rules for earning and redeeming points. Contradictions (tiers not increasing, …) are refused.</Text>
        </div>
        {program && <ProgramForm program={program.program} />}
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Liability</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {liability ? `${liability.total.points} points outstanding, worth ${inr(liability.total.value)} at ${inr(liability.point_value)} a point` : "…"}
          </Text>
        </div>
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          <LiabilityTable heading="Home branch" rows={(liability?.by_branch ?? []).map((b) => ({ key: b.branch_id, label: branchName(b.branch_id), ...b }))} />
          <LiabilityTable heading="Expires in" rows={(liability?.by_expiry_month ?? []).map((m) => ({ key: m.month, label: m.month, ...m }))} />
        </div>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Loyalty",
  icon: Sparkles,
})

export default LoyaltyPage
