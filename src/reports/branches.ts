import type { MedusaContainer } from "@medusajs/framework/types"
import { BRANCH_MODULE } from "../modules/branch"
import type BranchModuleService from "../modules/branch/service"
import { pgArray } from "../lib/pg-array"

/** The condition keeping a section's rows to the report's branches (none for the whole shop), and its binding. */
export function branchCondition(column: string, branchIds: string[] | undefined): { sql: string; bindings: string[] } {
  return branchIds ? { sql: `and ${column} = any(?::text[])`, bindings: [pgArray(branchIds)] } : { sql: "", bindings: [] }
}

/** Branch names by id, for a section's table. */
export async function branchNames(container: MedusaContainer, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) {
    return new Map()
  }
  const branches = await container.resolve<BranchModuleService>(BRANCH_MODULE).listBranches({ id: ids }, { select: ["id", "name"] })
  return new Map(branches.map((b) => [b.id, b.name]))
}
