import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Button, Checkbox, Container, Drawer, Heading, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Paginator } from "../../components/paginator"
import { RequirePermission } from "../../components/require-permission"
import { ROLE_LABELS } from "../../lib/access"
import { useDebounced } from "../../lib/hooks"
import { sdk } from "../../lib/sdk"
import type { Branch } from "../../lib/types"

type StaffRow = { user_id: string; email: string; first_name: string | null; last_name: string | null; role: string; branch_ids: string[]; assigned: boolean }
const PAGE = 20
const SCOPED = ["branch_manager", "sales_staff"]

function EditAccess({ row, branches, onClose }: { row: StaffRow; branches: Branch[]; onClose: () => void }) {
  const queryClient = useQueryClient()
  const [role, setRole] = useState(row.role)
  const [branchIds, setBranchIds] = useState<string[]>(row.branch_ids)
  const save = useMutation({
    mutationFn: () => sdk.client.fetch(`/admin/staff/${row.user_id}`, { method: "POST", body: { role, branch_ids: branchIds } }),
    onSuccess: () => {
      toast.success("Access saved", { description: `${row.email} is now ${ROLE_LABELS[role]}.` })
      queryClient.invalidateQueries({ queryKey: ["staff"] })
      onClose()
    },
    onError: (error: Error) => toast.error("Not saved", { description: error.message }),
  })
  const toggle = (id: string) => setBranchIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]))
  return (
    <Drawer open onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{row.email}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <div className="flex flex-col gap-y-2">
            <Label>Role</Label>
            <Select value={role} onValueChange={setRole}>
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {Object.entries(ROLE_LABELS).map(([value, label]) => (
                  <Select.Item key={value} value={value}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-y-2">
            <Label>Branches</Label>
            <Text size="small" className="text-ui-fg-subtle">
              {SCOPED.includes(role) ? "Orders, stock, tasks and interactions are limited to these branches." : "This role works shop-wide; branches are kept for later."}
            </Text>
            {branches.map((b) => (
              <div key={b.id} className="flex items-center gap-x-2">
                <Checkbox id={`branch-${b.id}`} checked={branchIds.includes(b.id)} onCheckedChange={() => toggle(b.id)} />
                <Label htmlFor={`branch-${b.id}`}>{b.name}</Label>
              </div>
            ))}
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button isLoading={save.isPending} onClick={() => save.mutate()}>
            Save
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

const Staff = () => {
  const [page, setPage] = useState(0)
  const [search, setSearch] = useState("")
  const q = useDebounced(search)
  const [editing, setEditing] = useState<StaffRow | null>(null)
  const { data } = useQuery({
    queryKey: ["staff", "list", q, page],
    queryFn: () => sdk.client.fetch<{ staff: StaffRow[]; count: number }>("/admin/staff", { query: { limit: PAGE, offset: page * PAGE, ...(q ? { q } : {}) } }),
  })
  const { data: branches } = useQuery({
    queryKey: ["branches"],
    queryFn: () => sdk.client.fetch<{ branches: Branch[] }>("/admin/branches", { query: { limit: 100 } }),
  })
  const branchName = (id: string) => branches?.branches.find((b) => b.id === id)?.name ?? id
  return (
    <Container className="p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Staff &amp; roles</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Who may do what, and in which branches. Invite new staff from Settings → Users, then give them a role here.
          </Text>
        </div>
        <Input
          type="search"
          size="small"
          placeholder="Search by email or name"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value)
            setPage(0)
          }}
        />
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Email</Table.HeaderCell>
            <Table.HeaderCell>Name</Table.HeaderCell>
            <Table.HeaderCell>Role</Table.HeaderCell>
            <Table.HeaderCell>Branches</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.staff ?? []).map((row) => (
            <Table.Row key={row.user_id}>
              <Table.Cell>{row.email}</Table.Cell>
              <Table.Cell>{[row.first_name, row.last_name].filter(Boolean).join(" ") || "–"}</Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall" color={row.role === "owner" ? "purple" : "grey"}>
                  {ROLE_LABELS[row.role] ?? row.role}
                </Badge>
                {!row.assigned && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    default role
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell>{row.branch_ids.length ? row.branch_ids.map(branchName).join(", ") : "All"}</Table.Cell>
              <Table.Cell className="text-right">
                <Button size="small" variant="secondary" onClick={() => setEditing(row)}>
                  Change
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Paginator count={data?.count ?? 0} pageSize={PAGE} page={page} setPage={setPage} />
      {editing && <EditAccess row={editing} branches={branches?.branches ?? []} onClose={() => setEditing(null)} />}
    </Container>
  )
}

const StaffPage = () => (
  <RequirePermission resource="staff" action="write" what="hand out roles">
    <Staff />
  </RequirePermission>
)

export const config = defineRouteConfig({
  label: "Staff & roles",
  icon: Users,
})

export default StaffPage
