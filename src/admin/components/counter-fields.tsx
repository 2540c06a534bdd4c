import type { BranchSummary as Branch } from "../../types/http"
import { Checkbox, Input, Label, Select } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useStaffAccess } from "../lib/access"
import { sdk } from "../lib/sdk"

/**
 * The shop's branches, and those the signed-in user may act at (their own for branch managers and sales staff):
 * a counter form offers only those, so it never starts at a branch the server would refuse.
 */
export function useCounterBranches(): { all: Branch[]; mine: Branch[] } {
  const { data: me } = useStaffAccess()
  const { data } = useQuery({ queryKey: ["branches"], queryFn: () => sdk.client.fetch<{ branches: Branch[] }>("/admin/branches", { query: { limit: 100 } }) })
  const all = data?.branches ?? []
  if (!me) {
    return { all, mine: [] }
  }
  return { all, mine: me.branch_scoped ? all.filter((b) => me.branch_ids.includes(b.id)) : all }
}

/** The branch a counter form acts at. */
export function BranchField({ branches, value, onChange }: { branches: Branch[]; value: string; onChange: (id: string) => void }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="small">Branch</Label>
      <Select value={value} onValueChange={onChange}>
        <Select.Trigger><Select.Value placeholder="Branch" /></Select.Trigger>
        <Select.Content>{branches.map((b) => <Select.Item key={b.id} value={b.id}>{b.name}</Select.Item>)}</Select.Content>
      </Select>
    </div>
  )
}

/** PAN, or a signed Form 60 instead, for a transaction of ₹2,00,000 or more (Rule 114B). */
export function IdentityFields({ id, pan, form60, onPan, onForm60 }: { id: string; pan: string; form60: boolean; onPan: (pan: string) => void; onForm60: (signed: boolean) => void }) {
  return (
    <div className="grid grid-cols-1 items-center gap-2 md:grid-cols-[200px_1fr_auto]">
      <Label size="small" htmlFor={`${id}-pan`}>PAN (₹2,00,000 or more)</Label>
      <Input id={`${id}-pan`} placeholder="ABCDE1234F" value={pan} disabled={form60} onChange={(e) => onPan(e.target.value)} />
      <div className="flex items-center gap-x-2">
        <Checkbox id={`${id}-form60`} checked={form60} onCheckedChange={(v) => onForm60(v === true)} />
        <Label size="small" htmlFor={`${id}-form60`}>Form 60 signed instead</Label>
      </div>
    </div>
  )
}
