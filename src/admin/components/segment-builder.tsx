import { Button, IconButton, Input, Select, Switch, Label, Text, Textarea } from "@medusajs/ui"
import { Trash } from "@medusajs/icons"
import { useState } from "react"

/** One condition of a segment rule, as src/lib/segments reads it. */
export type Condition = { field: string; op: string; value: unknown }
export type Rule = Condition | { all: Rule[] } | { any: Rule[] }

type FieldSpec = { label: string; ops: { op: string; label: string }[]; input: "rupees" | "number" | "score" | "text" | "list" | "consent" }

const NUMBER_OPS = [
  { op: "gte", label: "at least" },
  { op: "lte", label: "at most" },
]

/** The fields a segment may test, with their operators in words. */
export const FIELDS: Record<string, FieldSpec> = {
  lifetime_value: { label: "Lifetime value (₹)", ops: NUMBER_OPS, input: "rupees" },
  order_count: { label: "Orders", ops: [...NUMBER_OPS, { op: "eq", label: "exactly" }], input: "number" },
  last_purchase: {
    label: "Last purchase",
    ops: [
      { op: "within_days", label: "within the last … days" },
      { op: "older_than_days", label: "more than … days ago (or never)" },
    ],
    input: "number",
  },
  birthday: { label: "Birthday", ops: [{ op: "within_days", label: "in the next … days" }], input: "number" },
  anniversary: { label: "Anniversary", ops: [{ op: "within_days", label: "in the next … days" }], input: "number" },
  preferred_metal: { label: "Prefers metal", ops: [{ op: "includes", label: "is" }], input: "text" },
  preferred_category: { label: "Prefers category", ops: [{ op: "includes", label: "is" }], input: "text" },
  tag: { label: "Tag", ops: [{ op: "includes", label: "is" }], input: "text" },
  home_branch: { label: "Home branch id", ops: [{ op: "in", label: "is one of" }], input: "list" },
  tier: { label: "Loyalty tier", ops: [{ op: "in", label: "is one of" }], input: "list" },
  consent: { label: "Agreed to", ops: [{ op: "granted", label: "messages by" }], input: "consent" },
  recency: { label: "Recency score (1–5)", ops: [...NUMBER_OPS, { op: "eq", label: "exactly" }], input: "score" },
  frequency: { label: "Frequency score (1–5)", ops: [...NUMBER_OPS, { op: "eq", label: "exactly" }], input: "score" },
  monetary: { label: "Monetary score (1–5)", ops: [...NUMBER_OPS, { op: "eq", label: "exactly" }], input: "score" },
  preference_match: {
    label: "Likes (preference model)",
    ops: [
      { op: "category", label: "category" },
      { op: "metal", label: "metal" },
      { op: "purity", label: "purity (e.g. 916)" },
      { op: "price_band", label: "price band" },
    ],
    input: "text",
  },
  new_arrivals_list: { label: "On new-arrivals call list", ops: [{ op: "on", label: "with id (narr_…)" }], input: "text" },
}

const defaultValue = (spec: FieldSpec): unknown =>
  spec.input === "consent" ? "whatsapp" : spec.input === "list" ? [] : spec.input === "text" ? "" : spec.input === "score" ? 4 : 0

function ConditionRow({ condition, onChange, onRemove }: { condition: Condition; onChange: (c: Condition) => void; onRemove: () => void }) {
  const spec = FIELDS[condition.field]
  const setValue = (raw: string) =>
    onChange({
      ...condition,
      value: spec.input === "list" ? raw.split(",").map((s) => s.trim()).filter(Boolean) : spec.input === "text" ? raw : raw === "" ? "" : Number(raw),
    })
  return (
    <div className="grid grid-cols-[1fr_1fr_1fr_auto] items-center gap-2">
      <Select value={condition.field} onValueChange={(field) => onChange({ field, op: FIELDS[field].ops[0].op, value: defaultValue(FIELDS[field]) })}>
        <Select.Trigger aria-label="Field"><Select.Value /></Select.Trigger>
        <Select.Content>
          {Object.entries(FIELDS).map(([field, s]) => (
            <Select.Item key={field} value={field}>{s.label}</Select.Item>
          ))}
        </Select.Content>
      </Select>
      <Select value={condition.op} onValueChange={(op) => onChange({ ...condition, op })}>
        <Select.Trigger aria-label="Operator"><Select.Value /></Select.Trigger>
        <Select.Content>
          {spec.ops.map((o) => (
            <Select.Item key={o.op} value={o.op}>{o.label}</Select.Item>
          ))}
        </Select.Content>
      </Select>
      {spec.input === "consent" ? (
        <Select value={String(condition.value)} onValueChange={(value) => onChange({ ...condition, value })}>
          <Select.Trigger aria-label="Channel"><Select.Value /></Select.Trigger>
          <Select.Content>
            <Select.Item value="whatsapp">WhatsApp</Select.Item>
            <Select.Item value="sms">SMS</Select.Item>
            <Select.Item value="email">email</Select.Item>
          </Select.Content>
        </Select>
      ) : (
        <Input
          aria-label="Value"
          inputMode={spec.input === "text" || spec.input === "list" ? "text" : "decimal"}
          placeholder={spec.input === "list" ? "comma separated" : undefined}
          value={Array.isArray(condition.value) ? condition.value.join(", ") : String(condition.value ?? "")}
          onChange={(e) => setValue(e.target.value)}
        />
      )}
      <IconButton size="small" variant="transparent" aria-label="Remove condition" onClick={onRemove}>
        <Trash />
      </IconButton>
    </div>
  )
}

/**
 * A segment rule built with a form (conditions joined by all/any), or typed
 * as JSON for nested groups; the server checks it and says what is wrong.
 */
export function SegmentBuilder({ rule, onChange }: { rule: Rule; onChange: (rule: Rule) => void }) {
  const simple = isFlat(rule)
  const [asJson, setAsJson] = useState(!simple)
  const [json, setJson] = useState(JSON.stringify(rule, null, 2))
  const mode: "all" | "any" = "any" in rule ? "any" : "all"
  const conditions = simple ? (("all" in rule ? rule.all : "any" in rule ? rule.any : [rule]) as Condition[]) : []
  const setConditions = (next: Condition[], joiner = mode) => onChange(joiner === "all" ? { all: next } : { any: next })

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex items-center gap-x-2">
        <Switch id="segment-json" checked={asJson} onCheckedChange={(on) => {
          setAsJson(on)
          setJson(JSON.stringify(rule, null, 2))
        }} />
        <Label htmlFor="segment-json" size="small">Edit as JSON (nested all/any groups)</Label>
      </div>
      {asJson ? (
        <Textarea
          rows={8}
          className="font-mono"
          value={json}
          onChange={(e) => {
            setJson(e.target.value)
            try {
              onChange(JSON.parse(e.target.value) as Rule)
            } catch {
              // Not JSON yet: the preview says so when asked.
            }
          }}
        />
      ) : (
        <>
          <div className="flex items-center gap-x-2">
            <Text size="small">Customers matching</Text>
            <Select value={mode} onValueChange={(v) => setConditions(conditions, v as "all" | "any")}>
              <Select.Trigger className="w-24" aria-label="Match"><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="all">all</Select.Item>
                <Select.Item value="any">any</Select.Item>
              </Select.Content>
            </Select>
            <Text size="small">of these conditions:</Text>
          </div>
          {conditions.map((c, i) => (
            <ConditionRow
              key={i}
              condition={c}
              onChange={(next) => setConditions(conditions.map((x, j) => (j === i ? next : x)))}
              onRemove={() => setConditions(conditions.filter((_, j) => j !== i))}
            />
          ))}
          <div>
            <Button size="small" variant="secondary" type="button" onClick={() => setConditions([...conditions, { field: "order_count", op: "gte", value: 1 }])}>
              Add condition
            </Button>
          </div>
        </>
      )}
    </div>
  )
}

/** A rule the form can show: a condition, or one group of plain conditions. */
function isFlat(rule: Rule): boolean {
  const items = "all" in rule ? rule.all : "any" in rule ? rule.any : [rule]
  return items.every((r) => "field" in r)
}
