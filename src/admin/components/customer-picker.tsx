import { Button, Input, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { customerName, customerPhone } from "../lib/customers"
import { useDebounced } from "../lib/hooks"
import { sdk } from "../lib/sdk"
import type { CustomerSummary } from "../lib/types"

/** Finds a customer by name, phone or email (the CRM search) and shows the one chosen, with "Change". */
export function CustomerPicker({ value, onChange }: { value: CustomerSummary | null; onChange: (c: CustomerSummary | null) => void }) {
  const [q, setQ] = useState("")
  const term = useDebounced(q.trim())
  const { data } = useQuery({
    queryKey: ["customer-picker", term],
    enabled: term.length >= 2 && !value,
    queryFn: () => sdk.client.fetch<{ customers: CustomerSummary[] }>("/admin/crm/customers", { query: { q: term, limit: 5 } }),
  })
  if (value) {
    return (
      <div className="flex items-center gap-x-2">
        <Text size="small" weight="plus">{customerName(value)}</Text>
        <Text size="small" className="text-ui-fg-subtle">{customerPhone(value) ?? ""}</Text>
        <Button size="small" variant="transparent" onClick={() => onChange(null)}>Change</Button>
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-y-1">
      <Input type="search" placeholder="Name, phone or email" value={q} onChange={(e) => setQ(e.target.value)} />
      {(data?.customers ?? []).map((c) => (
        <Button key={c.id} size="small" variant="secondary" className="justify-start" onClick={() => onChange(c)}>
          {customerName(c)} {customerPhone(c) ? `· ${customerPhone(c)}` : ""}
        </Button>
      ))}
    </div>
  )
}
