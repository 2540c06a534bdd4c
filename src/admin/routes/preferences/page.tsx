import { defineRouteConfig } from "@medusajs/admin-sdk"
import { LightBulb } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { RequirePermission } from "../../components/require-permission"
import { may, useStaffAccess } from "../../lib/access"
import { newIdempotencyKey, when } from "../../lib/format"
import { sdk } from "../../lib/sdk"
import type { NewArrivalListView, PreferenceModelListResponse, PreferenceModelView } from "../../../types/http"

const STATUS_COLOR = { current: "green", previous: "blue", training: "orange", retired: "grey" } as const

const figure = (n: number) => n.toFixed(3)

/** What went wrong with the last read or action, in the server's words. */
const Problem = ({ error }: { error: Error | null }) =>
  error ? (
    <div className="px-6 py-2">
      <Text size="small" className="text-ui-fg-error">{error.message}</Text>
    </div>
  ) : null

/** A model's hold-out table: each recommender's hit rate, NDCG, coverage and share of unseen designs. */
const Evaluation = ({ model }: { model: PreferenceModelView }) => {
  const evaluation = model.evaluation
  if (!evaluation) {
    return <Text size="small" className="text-ui-fg-subtle">Not evaluated.</Text>
  }
  if ("skipped" in evaluation) {
    return <Text size="small" className="text-ui-fg-subtle">Not evaluated: {evaluation.skipped}</Text>
  }
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="small" className="text-ui-fg-subtle">
        {`${evaluation.test_customers.toLocaleString("en-IN")} customers' purchases after ${when(evaluation.cutoff)} held out; top ${evaluation.k} of ${evaluation.designs.toLocaleString("en-IN")} designs`}
      </Text>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Ranking</Table.HeaderCell>
            <Table.HeaderCell>{`HR@${evaluation.k}`}</Table.HeaderCell>
            <Table.HeaderCell>{`NDCG@${evaluation.k}`}</Table.HeaderCell>
            <Table.HeaderCell>Coverage</Table.HeaderCell>
            <Table.HeaderCell>New designs shown</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {evaluation.rows.map((row) => (
            <Table.Row key={row.model}>
              <Table.Cell>{row.model}</Table.Cell>
              <Table.Cell>{figure(row.hr_at_k)}</Table.Cell>
              <Table.Cell>{figure(row.ndcg_at_k)}</Table.Cell>
              <Table.Cell>{`${Math.round(row.coverage * 100)} %`}</Table.Cell>
              <Table.Cell>{`${Math.round(row.cold_item_share * 100)} %`}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}

const PreferencesPage = () => (
  <RequirePermission resource="preferences" action="read" what="see the preference model">
    <Models />
    <NewArrivals />
  </RequirePermission>
)

/** The trained models with their figures; the owner can put the previous one back (docs/preferences.md). */
const Models = () => {
  const client = useQueryClient()
  const { data: me } = useStaffAccess()
  const { data, error } = useQuery({
    queryKey: ["preference-models"],
    queryFn: () => sdk.client.fetch<PreferenceModelListResponse>("/admin/preferences/models", { query: { limit: 5 } }),
  })
  const rollback = useMutation({
    mutationFn: () => sdk.client.fetch<{ current: string; previous: string | null }>("/admin/preferences/models/rollback", { method: "POST", body: {} }),
    onSettled: () => client.invalidateQueries({ queryKey: ["preference-models"] }),
  })
  const current = data?.models.find((m) => m.status === "current")
  const previous = data?.models.find((m) => m.status === "previous")
  const problem = (error ?? rollback.error) as Error | null
  return (
    <Container className="mb-4 divide-y p-0">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h1">Preference model</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Learns each customer&apos;s taste from their purchases, wishlist and enquiries; trained every night at 03:15 (npm run ml:train trains it now).
            Its picks show as Likely to buy on a customer, and every morning each branch gets the customers to call about the new arrivals.
          </Text>
        </div>
        {may(me, "preferences", "write") && (
          <Button
            size="small"
            variant="secondary"
            disabled={!previous || rollback.isPending}
            isLoading={rollback.isPending}
            onClick={() => {
              if (window.confirm(`Put back the model trained ${when(previous?.trained_at)}? The current one is kept to switch back to.`)) {
                rollback.mutate()
              }
            }}
          >
            Roll back to the previous model
          </Button>
        )}
      </div>
      <Problem error={problem} />
      {data && !current && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">No model is trained yet: until then Likely to buy is empty and no call lists are made.</Text>
        </div>
      )}
      {current && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="small" weight="plus">
            {`Current model, trained ${when(current.trained_at)} in ${(current.duration_ms / 1000).toFixed(1)} s on ${current.interactions.toLocaleString("en-IN")} signs of interest from ${current.customers.toLocaleString("en-IN")} customers in ${current.designs.toLocaleString("en-IN")} designs`}
          </Text>
          <Evaluation model={current} />
        </div>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Trained</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Customers</Table.HeaderCell>
            <Table.HeaderCell>Designs</Table.HeaderCell>
            <Table.HeaderCell>Interactions</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.models ?? []).map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>{when(m.trained_at)}</Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall" color={STATUS_COLOR[m.status]}>
                  {m.status}
                </Badge>
              </Table.Cell>
              <Table.Cell>{m.customers.toLocaleString("en-IN")}</Table.Cell>
              <Table.Cell>{m.designs.toLocaleString("en-IN")}</Table.Cell>
              <Table.Cell>{m.interactions.toLocaleString("en-IN")}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

/** The latest new-arrivals call lists (the calls of the user's branches), and a list made now for the last day's pieces. */
const NewArrivals = () => {
  const client = useQueryClient()
  const { data: me } = useStaffAccess()
  const { data, error } = useQuery({
    queryKey: ["new-arrival-lists"],
    queryFn: () => sdk.client.fetch<{ lists: NewArrivalListView[]; count: number }>("/admin/preferences/new-arrivals", { query: { limit: 5 } }),
  })
  const makeNow = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ list: NewArrivalListView }>("/admin/preferences/new-arrivals", {
        method: "POST",
        body: { idempotency_key: newIdempotencyKey("NEW-ARRIVALS"), since: new Date(Date.now() - 86_400_000).toISOString() },
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ["new-arrival-lists"] }),
  })
  const problem = (error ?? makeNow.error) as Error | null
  return (
    <Container className="divide-y p-0">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">New arrivals: who to call</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every morning at 08:15, the customers most likely to want the pieces taken in since the day before, as follow-up tasks on their branch&apos;s
            list (Customers → Tasks).
          </Text>
        </div>
        {may(me, "preferences", "run") && (
          <Button size="small" variant="secondary" isLoading={makeNow.isPending} disabled={makeNow.isPending} onClick={() => makeNow.mutate()}>
            Make a list for the last day&apos;s pieces now
          </Button>
        )}
      </div>
      <Problem error={problem} />
      {data && !data.count && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">No call lists yet.</Text>
        </div>
      )}
      {(data?.lists ?? []).map((list) => (
        <div key={list.id} className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="small" weight="plus">
            {`${when(list.created_at)} · ${list.pieces.length} ${list.pieces.length === 1 ? "piece" : "pieces"} · ${list.calls.length} ${list.calls.length === 1 ? "call" : "calls"}`}
          </Text>
          {list.note && <Text size="small" className="text-ui-fg-subtle">{list.note}</Text>}
          {list.calls.length > 0 && may(me, "offers", "write") && (
            <Link to={`/offer-campaigns?new_arrivals=${list.id}`} className="text-ui-fg-interactive txt-compact-small">
              Offer them by WhatsApp…
            </Link>
          )}
          {list.calls.length > 0 && (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Customer</Table.HeaderCell>
                  <Table.HeaderCell>Show them</Table.HeaderCell>
                  <Table.HeaderCell>Why</Table.HeaderCell>
                  <Table.HeaderCell>Match</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {list.calls.map((call) => (
                  <Table.Row key={call.task_id}>
                    <Table.Cell>
                      <Link to={`/customers/${call.customer_id}`} className="text-ui-fg-interactive">
                        {call.customer_name || call.customer_id}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{call.titles.join(", ")}</Table.Cell>
                    <Table.Cell>{call.reason}</Table.Cell>
                    <Table.Cell>{`${Math.round(call.score * 100)} %`}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </div>
      ))}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Preferences",
  icon: LightBulb,
})

export default PreferencesPage
