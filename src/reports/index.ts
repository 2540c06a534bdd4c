/**
 * Extension point of the Reports page (`GET /admin/reports/counter`).
 *
 * A feature adds its report by dropping a file in `./sections/` whose default
 * export is `defineReportSection({ id, title, load })`: headline figures and,
 * if it has one, a table, for a period and the branches the user may see.
 * The page draws every section the same way, so old gold, schemes and (when
 * they come) repairs need no change to the analytics module or the admin.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import path from "node:path"
import { discoverDefaults } from "../lib/discover"
import type { ColumnKind, ReportTable } from "../lib/report-export"

export type ReportFigure = { label: string; value: number; kind: Exclude<ColumnKind, "text"> }

export type ReportSectionData = { figures: ReportFigure[]; table?: ReportTable }

export type ReportSection = {
  /** Key of the section in the answer, e.g. "old_gold". */
  id: string
  title: string
  /** Lower comes first. */
  rank?: number
  /** `to` is exclusive; `branch_ids` undefined for the whole shop. */
  load(args: { container: MedusaContainer; from: Date; to: Date; branch_ids?: string[] }): Promise<ReportSectionData>
}

export function defineReportSection(section: ReportSection): ReportSection {
  return section
}

let discovered: ReportSection[] | undefined

/** The sections in ./sections, found once per process. */
export function reportSections(): ReportSection[] {
  if (!discovered) {
    discovered = discoverDefaults(path.join(__dirname, "sections"), (value): value is ReportSection => typeof (value as ReportSection | undefined)?.load === "function")
  }
  return discovered
}

export type LoadedReportSection = ({ id: string; title: string } & ReportSectionData) | { id: string; title: string; error: string }

/** Loads every section in parallel; one that fails is reported in its place instead of failing the page. */
export async function loadReportSections(container: MedusaContainer, args: { from: Date; to: Date; branch_ids?: string[] }): Promise<LoadedReportSection[]> {
  return Promise.all(
    reportSections().map(async (section) => {
      try {
        return { id: section.id, title: section.title, ...(await section.load({ container, ...args })) }
      } catch (e) {
        container.resolve(ContainerRegistrationKeys.LOGGER).warn(`report section "${section.id}" failed: ${(e as Error).message}`)
        return { id: section.id, title: section.title, error: "This section could not be loaded." }
      }
    })
  )
}
