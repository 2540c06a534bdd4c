import fs from "node:fs"
import path from "node:path"

export type RouteFile = { method: string; path: string; file: string }

const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE"]

/**
 * The routes of an API folder: every route file below `dir`, with its path
 * from `apiDir` in Medusa's form (`[id]` → `:id`) and each verb `exports`
 * says it exports.
 */
function walkRoutes(apiDir: string, dir: string, file: RegExp, exports: (source: string, verb: string) => boolean): RouteFile[] {
  const found: RouteFile[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      found.push(...walkRoutes(apiDir, full, file, exports))
    } else if (file.test(entry.name)) {
      const source = fs.readFileSync(full, "utf8")
      const routePath = "/" + path.relative(apiDir, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/")
      found.push(...VERBS.filter((verb) => exports(source, verb)).map((method) => ({ method, path: routePath, file: full })))
    }
  }
  return found
}

const byPath = (a: RouteFile, b: RouteFile) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method)

/** Every route the app serves from src/api (or the `namespace` below it): method and Medusa-style path. */
export function listRouteFiles(apiDir = path.resolve(__dirname, "../../src/api"), namespace = ""): RouteFile[] {
  const exported = (source: string, verb: string) => new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${verb}\\b`).test(source)
  return walkRoutes(apiDir, path.join(apiDir, namespace), /^route\.[jt]s$/, exported).sort(byPath)
}

/** Every route of Medusa's own API (admin, store, auth, hooks, or the namespaces named) in the installed version, from its compiled route files. */
export function listMedusaRouteFiles(namespaces = ["admin", "store", "auth", "hooks"]): RouteFile[] {
  const apiDir = path.join(path.dirname(require.resolve("@medusajs/medusa/package.json")), "dist/api")
  const exported = (source: string, verb: string) => new RegExp(`^exports\\.${verb} = `, "m").test(source)
  return namespaces.flatMap((ns) => walkRoutes(apiDir, path.join(apiDir, ns), /^route\.js$/, exported)).sort(byPath)
}
