import { StatusBadge } from "@medusajs/ui"

const COLOR: Record<string, "green" | "blue" | "orange" | "red" | "grey" | "purple"> = {
  queued: "grey",
  sending: "blue",
  sent: "blue",
  delivered: "green",
  read: "green",
  failed: "red",
  undelivered: "red",
  not_sent: "orange",
}

/** A message's status the way Medusa shows statuses. */
export function MessageStatus({ status }: { status: string }) {
  return <StatusBadge color={COLOR[status] ?? "grey"}>{status.replace("_", " ")}</StatusBadge>
}

export const RESENDABLE_STATUSES = ["failed", "undelivered", "not_sent"]
