/** A `from`/`to` query pair as a filter on a date column; undefined when neither is given. */
export function dateRange(from?: Date, to?: Date): { $gte?: Date; $lte?: Date } | undefined {
  return from || to ? { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } : undefined
}
