/**
 * `npm run lighthouse [-- <storefront URL>]`: Lighthouse's mobile audit of
 * the storefront's home page and a product page, in Debian's Chromium,
 * printed beside the goals (performance ≥ 85, accessibility, best practices
 * and SEO ≥ 95). Lighthouse is fetched by npx at its pinned version when
 * this runs (it is a measuring tool, some 185 MB, not part of the shop or
 * its tests); the storefront must be running (`npm start`).
 */
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { findChromium } from "./e2e"
import { LauncherError } from "./errors"

const LIGHTHOUSE = "lighthouse@12.8.2"
const CATEGORIES = [
  { id: "performance", label: "performance", goal: 85 },
  { id: "accessibility", label: "accessibility", goal: 95 },
  { id: "best-practices", label: "best practices", goal: 95 },
  { id: "seo", label: "SEO", goal: 95 },
] as const

function audit(url: string, chromium: string, out: string): Record<string, number> {
  const run = spawnSync(
    "npx",
    [
      "--yes",
      LIGHTHOUSE,
      url,
      `--only-categories=${CATEGORIES.map((c) => c.id).join(",")}`,
      "--output=json",
      `--output-path=${out}`,
      "--quiet",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
    ],
    { env: { ...process.env, CHROME_PATH: chromium }, stdio: ["ignore", "inherit", "inherit"] }
  )
  if (run.status !== 0 || !fs.existsSync(out)) {
    throw new LauncherError(`Lighthouse failed on ${url} (exit ${run.status})`)
  }
  const report = JSON.parse(fs.readFileSync(out, "utf8")) as { categories: Record<string, { score: number | null }> }
  return Object.fromEntries(CATEGORIES.map((c) => [c.id, Math.round((report.categories[c.id]?.score ?? 0) * 100)]))
}

async function main() {
  const base = (process.argv[2] || "http://localhost:8000").replace(/\/$/, "")
  const chromium = findChromium()
  if (!chromium) {
    throw new LauncherError("No Chromium: set CHROMIUM_PATH or install Debian's chromium (apt-get install chromium).")
  }
  const listing = await fetch(`${base}/products`).then((r) => r.text()).catch(() => "")
  const product = /href="(\/products\/[a-z0-9-]+)"/.exec(listing)?.[1]
  if (!product) {
    throw new LauncherError(`No storefront with products answers at ${base}: start it with npm start, or give its URL.`)
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jewel-lighthouse-"))
  const rows = [
    ["home", `${base}/`],
    ["product", `${base}${product}`],
  ].map(([page, url], i) => ({ page, url, scores: audit(url, chromium, path.join(dir, `${i}.json`)) }))
  const header = `| page | ${CATEGORIES.map((c) => `${c.label} (goal ≥ ${c.goal})`).join(" | ")} |`
  const lines = rows.map((r) => `| ${r.page} | ${CATEGORIES.map((c) => `${r.scores[c.id]} ${r.scores[c.id] >= c.goal ? "✔" : "✘"}`).join(" | ")} |`)
  process.stdout.write(`\nLighthouse ${LIGHTHOUSE.split("@")[1]}, mobile (its default: a mid-range phone on a slow 4G link)\n${header}\n|---|${CATEGORIES.map(() => "---").join("|")}|\n${lines.join("\n")}\n`)
  fs.rmSync(dir, { recursive: true, force: true })
}

main().catch((err) => {
  process.stderr.write(`jewel-crm: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
