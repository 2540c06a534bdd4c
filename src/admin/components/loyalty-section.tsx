import { Badge, Button, Input, Label, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { inr, when } from "../lib/format"
import { sdk } from "../lib/sdk"

export type LoyaltyData = {
  balance: number
  balance_value: number
  lifetime_earned: number
  tier: string
  next_tier: { name: string; min_spend: number } | null
  can_redeem: boolean
  history: { id: string; type: string; points: number; reason: string | null; created_at: string }[]
  expiring_soon: { points: number; expires_at: string }[]
}

const newKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`

/** Points in the Customer 360: balance, tier, history, and the counter's redeem and adjust forms. */
export function LoyaltySection({ customerId, data }: { customerId: string; data: LoyaltyData }) {
  const queryClient = useQueryClient()
  const [mode, setMode] = useState<"redeem" | "adjust" | null>(null)
  const [points, setPoints] = useState("")
  const [note, setNote] = useState("")
  // One key per form opening: a double click or a retry cannot take the points twice.
  const [key, setKey] = useState(() => newKey("admin"))
  const post = useMutation({
    mutationFn: () =>
      sdk.client.fetch(`/admin/loyalty/customers/${customerId}/${mode}`, {
        method: "POST",
        body:
          mode === "redeem"
            ? { points: Number(points), idempotency_key: key, ...(note ? { reason: note } : {}) }
            : { points: Number(points), idempotency_key: key, reason: note },
      }),
    onSuccess: () => {
      toast.success(mode === "redeem" ? "Points redeemed" : "Points adjusted")
      setMode(null)
      setPoints("")
      setNote("")
      setKey(newKey("admin"))
      queryClient.invalidateQueries({ queryKey: ["customer-360", customerId] })
    },
    onError: (e: Error) => toast.error("Not saved", { description: e.message }),
  })
  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex flex-wrap items-center gap-x-3">
        <Text size="large" weight="plus">{data.balance} points</Text>
        <Text size="small" className="text-ui-fg-subtle">worth {inr(data.balance_value)}</Text>
        <Badge size="2xsmall" color="orange">{data.tier}</Badge>
        {data.next_tier && <Text size="xsmall" className="text-ui-fg-subtle">next: {data.next_tier.name} from {inr(data.next_tier.min_spend)} a year</Text>}
        <div className="ml-auto flex gap-x-2">
          <Button size="small" variant="secondary" disabled={!data.can_redeem} onClick={() => setMode("redeem")}>Redeem</Button>
          <Button size="small" variant="secondary" onClick={() => setMode("adjust")}>Adjust</Button>
        </div>
      </div>
      {data.expiring_soon.length > 0 && (
        <Text size="xsmall" className="text-ui-fg-error">
          {data.expiring_soon.map((e) => `${e.points} expire ${when(e.expires_at)}`).join(" · ")}
        </Text>
      )}
      {mode && (
        <form
          className="bg-ui-bg-subtle grid grid-cols-1 gap-2 rounded-md p-3 md:grid-cols-4 md:items-end"
          onSubmit={(e) => {
            e.preventDefault()
            post.mutate()
          }}
        >
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="loyalty-points">{mode === "redeem" ? "Points to redeem" : "Points (+ or −)"}</Label>
            <Input id="loyalty-points" inputMode="numeric" value={points} onChange={(e) => setPoints(e.target.value)} />
          </div>
          <div className="flex flex-col gap-y-1 md:col-span-2">
            <Label size="small" htmlFor="loyalty-note">{mode === "redeem" ? "Bill / note" : "Reason (required)"}</Label>
            <Input id="loyalty-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="flex gap-x-2">
            <Button type="submit" size="small" isLoading={post.isPending} disabled={!/^-?\d+$/.test(points) || (mode === "adjust" && note.trim().length < 3)}>
              Save
            </Button>
            <Button type="button" size="small" variant="transparent" onClick={() => setMode(null)}>Cancel</Button>
          </div>
        </form>
      )}
      {data.history.map((h) => (
        <div key={h.id} className="flex items-center gap-x-2">
          <Badge size="2xsmall" color={h.points > 0 ? "green" : "grey"}>{h.type}</Badge>
          <Text size="small" className="w-16 text-right">{h.points > 0 ? `+${h.points}` : h.points}</Text>
          <Text size="small" className="text-ui-fg-subtle flex-1 truncate">{h.reason ?? ""}</Text>
          <Text size="xsmall" className="text-ui-fg-subtle">{when(h.created_at)}</Text>
        </div>
      ))}
    </div>
  )
}
