/**
 * Where jewel-crm's admin widgets sit by default on Medusa's pages.
 *
 * Medusa's admin (2.17+) orders a page's sections and widgets by a layout configuration; widgets it has no
 * order for come after its own sections, whatever their zone's `before`. The shop's default layout is
 * therefore written once, at migration (src/migration-scripts/customer-360-first.ts); staff may still
 * rearrange the page for themselves or for everyone in the admin.
 */

/** The Customer 360 widget's id; src/admin/widgets/customer-360.tsx repeats it as a literal (the admin build reads it from there). */
export const CUSTOMER_360_WIDGET_ID = "jewel-customer-360"

/** Medusa's layout zone of the customer page. */
export const CUSTOMER_PAGE_ZONE = "customer.details"

type WidgetPreference = { order?: number; hidden?: boolean; section?: string }
export type LayoutWidgets = Record<string, WidgetPreference>

/**
 * The customer page's default widgets with the Customer 360 first: core sections have order 0 unless the
 * shop moved them, so the 360 takes one less than the smallest order present. A layout that already places
 * the 360 is the shop's choice and is kept as it is.
 */
export function withCustomer360First(widgets: LayoutWidgets | null | undefined): LayoutWidgets | null {
  const current = widgets ?? {}
  const key = `widget:${CUSTOMER_360_WIDGET_ID}`
  if (current[key]) {
    return null
  }
  const orders = Object.values(current).map((w) => w.order ?? 0)
  const first = Math.min(0, ...orders) - 1
  return { ...current, [key]: { order: first } }
}
