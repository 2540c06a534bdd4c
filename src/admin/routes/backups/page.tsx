import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CircleStack } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { RequirePermission } from "../../components/require-permission"
import { when } from "../../lib/format"
import { sdk } from "../../lib/sdk"
import type { BackupListResponse as BackupList, BackupStatus, StoredBackupView } from "../../../types/http"


const size = (bytes: number) => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`)
const age = (hours: number) => (hours < 1 ? `${Math.round(hours * 60)} min` : hours < 48 ? `${hours.toFixed(1)} h` : `${Math.round(hours / 24)} days`)

/** The last restore drill of a backup: passed, failed (with why), or none yet. */
const Drill = ({ backup }: { backup: StoredBackupView }) => {
  const drill = backup.verification
  if (!drill) {
    return <Text size="small" className="text-ui-fg-subtle">{backup.verified_at ? when(backup.verified_at) : "not yet"}</Text>
  }
  return (
    <div title={drill.message}>
      <Badge size="2xsmall" color={drill.ok ? "green" : "red"}>
        {drill.ok ? "passed" : "failed"}
      </Badge>{" "}
      <Text size="xsmall" className="text-ui-fg-subtle inline">
        {when(drill.at)}
      </Text>
      {!drill.ok && (
        <Text size="xsmall" className="text-ui-fg-error max-w-[280px] truncate">
          {drill.message}
        </Text>
      )}
      {!drill.ok && backup.verified_at && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          last passed {when(backup.verified_at)}
        </Text>
      )}
    </div>
  )
}

const BackupsPage = () => (
  <RequirePermission resource="backups" action="read" what="see the backups">
    <Backups />
  </RequirePermission>
)

/** The stored backups with size and age, and "Back up now" with its progress (docs/operations.md, "Backups and restore"). */
const Backups = () => {
  const client = useQueryClient()
  const { data, error } = useQuery({
    queryKey: ["backups"],
    queryFn: () => sdk.client.fetch<BackupList>("/admin/backups"),
    // Follow a running backup or drill every second; otherwise the list changes about once a day.
    refetchInterval: (query) => (query.state.data?.status.state === "running" || query.state.data?.drill.state === "running" ? 1000 : false),
  })
  const backUp = useMutation({
    mutationFn: () => sdk.client.fetch<{ status: BackupStatus }>("/admin/backups", { method: "POST", body: {} }),
    onSettled: () => client.invalidateQueries({ queryKey: ["backups"] }),
  })
  const drillNow = useMutation({
    mutationFn: () => sdk.client.fetch<{ status: BackupStatus }>("/admin/backups/drill", { method: "POST", body: {} }),
    onSettled: () => client.invalidateQueries({ queryKey: ["backups"] }),
  })
  const status = data?.status
  const running = status?.state === "running" || backUp.isPending
  const drilling = data?.drill.state === "running" || drillNow.isPending
  const problem = (error ?? backUp.error ?? drillNow.error) as Error | null
  return (
    <Container className="divide-y p-0">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h1">Backups</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The whole database at one moment and the shop's stored files, compressed and encrypted, kept in {data?.destination ?? "…"}.{" "}
            {data?.schedule ? `A backup is taken every day after ${data.schedule} (India time).` : "No daily backup is scheduled (BACKUP_SCHEDULE)."} A restore
            is run from the command line: npm run restore -- latest. The restore drill (npm run backup:verify, and weekly with the schedule) restores
            a backup into a scratch database and checks it.
          </Text>
        </div>
        <div className="flex shrink-0 gap-x-2">
          <Button size="small" variant="secondary" isLoading={drilling} disabled={drilling || !data?.count} onClick={() => drillNow.mutate()}>
            Test a restore now
          </Button>
          <Button size="small" isLoading={running} disabled={running} onClick={() => backUp.mutate()}>
            Back up now
          </Button>
        </div>
      </div>
      {problem && (
        <div className="px-6 py-2">
          <Text size="small" className="text-ui-fg-error">{problem.message}</Text>
        </div>
      )}
      {status && status.state !== "idle" && (
        <div className="flex items-center gap-x-2 px-6 py-3">
          <Badge size="2xsmall" color={status.state === "failed" ? "red" : status.state === "succeeded" ? "green" : "blue"}>
            {status.state}
          </Badge>
          <Text size="small">
            {status.state === "running" && `${status.done} tables and files copied${status.step ? `, now ${status.step}` : ""} (started ${when(status.started_at)})`}
            {status.state === "succeeded" && `${status.name} stored ${when(status.finished_at)}`}
            {status.state === "failed" && `Failed ${when(status.finished_at)}: ${status.error}`}
          </Text>
        </div>
      )}
      {data?.drill && data.drill.state !== "idle" && (
        <div className="flex items-center gap-x-2 px-6 py-3">
          <Badge size="2xsmall" color={data.drill.state === "failed" ? "red" : data.drill.state === "succeeded" ? "green" : "blue"}>
            restore drill {data.drill.state}
          </Badge>
          <Text size="small">
            {data.drill.state === "running" && `${data.drill.step ?? "starting"} (started ${when(data.drill.started_at)})`}
            {data.drill.state === "succeeded" && `${data.drill.name} restored into a scratch database and checked ${when(data.drill.finished_at)}`}
            {data.drill.state === "failed" && `Failed ${when(data.drill.finished_at)}: ${data.drill.error}`}
          </Text>
        </div>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Taken</Table.HeaderCell>
            <Table.HeaderCell>Age</Table.HeaderCell>
            <Table.HeaderCell>Size</Table.HeaderCell>
            <Table.HeaderCell>Contents</Table.HeaderCell>
            <Table.HeaderCell>App version</Table.HeaderCell>
            <Table.HeaderCell>Verified by a restore</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.backups ?? []).map((b) => (
            <Table.Row key={b.name}>
              <Table.Cell>
                <Text size="small">{when(b.created_at)}</Text>
                <Text size="xsmall" className="text-ui-fg-subtle">{b.name}</Text>
              </Table.Cell>
              <Table.Cell>{age(b.age_hours)}</Table.Cell>
              <Table.Cell>{size(b.bytes)}</Table.Cell>
              <Table.Cell>{`${b.rows.toLocaleString("en-IN")} rows in ${b.tables} tables, ${b.files} files (${b.seconds.toFixed(1)} s)`}</Table.Cell>
              <Table.Cell>{b.app_version}</Table.Cell>
              <Table.Cell>
                <Drill backup={b} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {data && !data.count && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">No backups yet.</Text>
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Backups",
  icon: CircleStack,
})

export default BackupsPage
