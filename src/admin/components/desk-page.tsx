import { Button, Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useSearchParams } from "react-router-dom"
import { RequirePermission } from "./require-permission"

/**
 * A counter page of one kind of record (transfers, memos, job cards): its title and what it does, the form that
 * makes one where the user may, the list, and below it the desk of the record picked — its id in the address
 * (`?<param>=…`), so a link can open it.
 */
export function DeskPage({
  title,
  description,
  resource,
  what,
  param,
  form,
  list,
  desk,
}: {
  title: string
  description: string
  resource: string
  what: string
  param: string
  form: ((select: (id: string) => void) => ReactNode) | null
  list: (selected: string | null, select: (id: string) => void) => ReactNode
  desk: (id: string) => ReactNode
}) {
  const [params, setParams] = useSearchParams()
  const selected = params.get(param)
  const select = (id: string) => setParams({ [param]: id })
  return (
    <RequirePermission resource={resource} action="read" what={what}>
      <div className="flex flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h1">{title}</Heading>
            <Text size="small" className="text-ui-fg-subtle">{description}</Text>
          </div>
          {form?.(select)}
          {list(selected, select)}
        </Container>
        {selected && desk(selected)}
      </div>
    </RequirePermission>
  )
}

/** The tabs above a list that narrow it (open, overdue, closed …). */
export function FilterTabs<T extends string>({ tabs, value, onChange }: { tabs: readonly (readonly [T, string])[]; value: T; onChange: (value: T) => void }) {
  return (
    <div className="flex gap-x-1 px-6 py-2" role="tablist">
      {tabs.map(([key, label]) => (
        <Button key={key} size="small" variant={value === key ? "secondary" : "transparent"} role="tab" aria-selected={value === key} onClick={() => onChange(key)}>
          {label}
        </Button>
      ))}
    </div>
  )
}

/** What a list shows with nothing in it. */
export function EmptyList({ children }: { children: ReactNode }) {
  return (
    <div className="px-6 py-4">
      <Text size="small" className="text-ui-fg-subtle">{children}</Text>
    </div>
  )
}
