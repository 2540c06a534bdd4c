import { Button, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { MessageStatus, RESENDABLE_STATUSES } from "./message-status"

export type MessagesData = {
  count: number
  messages: { id: string; event: string; channel: string; status: string; reason: string | null; body: string; created_at: string }[]
}

/** The customer's last messages in the Customer 360, with a resend button for those that did not arrive. */
export function MessagesSection({ customerId, data }: { customerId: string; data: MessagesData }) {
  const queryClient = useQueryClient()
  const resend = useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/messages/${id}/resend`, { method: "POST" }),
    onSuccess: () => {
      toast.success("Queued again")
      queryClient.invalidateQueries({ queryKey: ["customer-360", customerId] })
    },
    onError: (e: Error) => toast.error("Not queued", { description: e.message }),
  })
  if (!data.count) {
    return <Text size="small" className="text-ui-fg-subtle">No messages yet</Text>
  }
  return (
    <div className="flex flex-col gap-y-2">
      {data.messages.map((m) => (
        <div key={m.id} className="flex items-start justify-between gap-x-3">
          <div className="flex flex-col">
            <Text size="small">
              {m.event.replace(/_/g, " ")} · {m.channel === "sms" ? "SMS" : "WhatsApp"} · {new Date(m.created_at).toLocaleString("en-IN", { dateStyle: "medium", timeStyle: "short" })}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">{m.reason ?? m.body}</Text>
          </div>
          <div className="flex items-center gap-x-2">
            <MessageStatus status={m.status} />
            {RESENDABLE_STATUSES.includes(m.status) && (
              <Button size="small" variant="secondary" isLoading={resend.isPending && resend.variables === m.id} onClick={() => resend.mutate(m.id)}>
                Resend
              </Button>
            )}
          </div>
        </div>
      ))}
      {data.count > data.messages.length && (
        <Text size="xsmall" className="text-ui-fg-subtle">{data.count - data.messages.length} older messages on the Messages page</Text>
      )}
    </div>
  )
}
