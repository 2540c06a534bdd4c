/** A thin bar for the progress of a long job (repricing, a campaign run). */
export function ProgressBar({ done, total }: { done: number; total: number }) {
  const pct = total ? Math.min(100, Math.round((done / total) * 100)) : 100
  return (
    <div className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
      <div className="bg-ui-fg-interactive h-2" style={{ width: `${pct}%` }} />
    </div>
  )
}
