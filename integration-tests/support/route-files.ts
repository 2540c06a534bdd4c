import fs from "node:fs"
import path from "node:path"

export type RouteFile = { method: string; path: string; file: string }

const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE"]

/** Every route the app serves from src/api: method and Medusa-style path (`[id]` → `:id`). */
export function listRouteFiles(apiDir = path.resolve(__dirname, "../../src/api")): RouteFile[] {
  const found: RouteFile[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(full)
      } else if (/^route\.[jt]s$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8")
        const routePath =
          "/" +
          path
            .relative(apiDir, dir)
            .split(path.sep)
            .map((s) => s.replace(/^\[(.+)\]$/, ":$1"))
            .join("/")
        for (const verb of VERBS) {
          if (new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${verb}\\b`).test(source)) {
            found.push({ method: verb, path: routePath, file: full })
          }
        }
      }
    }
  }
  walk(apiDir)
  return found.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
}

/** Every route of Medusa's own API (admin, store, auth, hooks) in the installed version, from its compiled route files. */
export function listMedusaRouteFiles(): RouteFile[] {
  const apiDir = path.join(path.dirname(require.resolve("@medusajs/medusa/package.json")), "dist/api")
  const found: RouteFile[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(full)
      } else if (entry.name === "route.js") {
        const source = fs.readFileSync(full, "utf8")
        const routePath = "/" + path.relative(apiDir, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/")
        for (const verb of VERBS) {
          if (new RegExp(`^exports\\.${verb} = `, "m").test(source)) {
            found.push({ method: verb, path: routePath, file: full })
          }
        }
      }
    }
  }
  for (const namespace of ["admin", "store", "auth", "hooks"]) {
    walk(path.join(apiDir, namespace))
  }
  return found.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
}
