/**
 * Extension point of the customer 360 (`GET /admin/crm/customers/:id/360`).
 *
 * A feature adds a section by dropping a file in `./sections/` whose default
 * export is `defineCustomer360Section({ id, title, load })`. The 360 finds the
 * files itself, so the CRM module never imports loyalty, offers or any other
 * feature; each section reads what it needs through the container.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import path from "node:path"
import { discoverDefaults } from "../lib/discover"

export type Customer360Section<T = unknown> = {
  /** Key of the section in the 360 answer, e.g. "loyalty". */
  id: string
  title: string
  /** Lower comes first in the admin widget. */
  rank?: number
  load(args: { container: MedusaContainer; customer_id: string }): Promise<T>
}

export function defineCustomer360Section<T>(section: Customer360Section<T>): Customer360Section<T> {
  return section
}

let discovered: Customer360Section[] | undefined

/** The sections in ./sections, found once per process. */
export function customer360Sections(): Customer360Section[] {
  if (!discovered) {
    discovered = discoverDefaults(path.join(__dirname, "sections"), (value): value is Customer360Section => typeof (value as Customer360Section | undefined)?.load === "function")
  }
  return discovered
}

export type LoadedSection = { id: string; title: string; data: unknown } | { id: string; title: string; error: string }

/** The ids of `wanted` that no section has. */
export function unknownCustomer360Sections(wanted: readonly string[]): string[] {
  const known = new Set(customer360Sections().map((s) => s.id))
  return wanted.filter((id) => !known.has(id))
}

/**
 * Loads every section (or only those named in `only`) in parallel; one that fails is reported in its place
 * instead of failing the 360.
 */
export async function loadCustomer360Sections(container: MedusaContainer, customerId: string, only?: readonly string[]): Promise<LoadedSection[]> {
  return Promise.all(
    customer360Sections()
      .filter((section) => !only || only.includes(section.id))
      .map(async (section) => {
        try {
          return { id: section.id, title: section.title, data: await section.load({ container, customer_id: customerId }) }
        } catch (e) {
          container.resolve(ContainerRegistrationKeys.LOGGER).warn(`customer 360 section "${section.id}" failed: ${(e as Error).message}`)
          return { id: section.id, title: section.title, error: "This section could not be loaded." }
        }
      })
  )
}
