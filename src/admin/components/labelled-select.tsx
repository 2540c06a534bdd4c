import { Label, Select } from "@medusajs/ui"

/**
 * A small label over a select, as the report filters use them; the trigger
 * carries the label for screen readers (and tests). `options` are
 * [value, text] pairs in the order shown.
 */
export function LabelledSelect<V extends string>({
  label,
  value,
  options,
  onChange,
  className = "w-48",
  ariaLabel = label,
}: {
  label: string
  /** What screen readers hear, when the visible label leans on its section ("By" in "Fast and slow movers"). */
  ariaLabel?: string
  value: V
  options: [V, string][]
  onChange: (value: V) => void
  className?: string
}) {
  return (
    <div className={`flex flex-col gap-y-1 ${className}`}>
      <Label size="small">{label}</Label>
      <Select value={value} onValueChange={(v) => onChange(v as V)}>
        <Select.Trigger aria-label={ariaLabel}><Select.Value /></Select.Trigger>
        <Select.Content>
          {options.map(([key, text]) => <Select.Item key={key} value={key}>{text}</Select.Item>)}
        </Select.Content>
      </Select>
    </div>
  )
}
