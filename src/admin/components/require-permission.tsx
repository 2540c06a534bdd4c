import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { may, ROLE_LABELS, useStaffAccess } from "../lib/access"

/** Shows the page only to roles that may use it; the others read why and whom to ask. */
export function RequirePermission({ resource, action, what, children }: { resource: string; action: string; what: string; children: ReactNode }) {
  const { data: me, isLoading } = useStaffAccess()
  if (isLoading) {
    return null
  }
  if (!may(me, resource, action)) {
    return (
      <Container className="px-6 py-4">
        <Heading level="h1">Not available for your role</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {me ? ROLE_LABELS[me.role] ?? me.role : "Your role"} may not {what}. Ask the shop owner for a role that allows it.
        </Text>
      </Container>
    )
  }
  return <>{children}</>
}
