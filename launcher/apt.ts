/**
 * Debian packages the test layers drive (Chromium for the e2e layer, nginx
 * for the cluster layer): found where Debian installs them, else installed
 * through apt-get when the tests run as root (as on CI).
 */
import { spawnSync } from "node:child_process"
import fs from "node:fs"

function aptInstall(pkg: string): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  const install = () => spawnSync("apt-get", ["install", "-y", "--no-install-recommends", pkg], { env, stdio: "inherit" }).status === 0
  if (install()) {
    return true
  }
  // A fresh machine may not have the package lists yet.
  return spawnSync("apt-get", ["update"], { env, stdio: "inherit" }).status === 0 && install()
}

/** The first of `candidates` that exists; else installs `pkg` when we may (root with apt-get) and looks again. */
export function findOrInstall(pkg: string, candidates: string[], purpose: string): string | undefined {
  const found = () => candidates.find((file) => fs.existsSync(file))
  if (found()) {
    return found()
  }
  if (process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
    process.stdout.write(`Installing Debian's ${pkg} for ${purpose} (apt-get) …\n`)
    if (aptInstall(pkg)) {
      return found()
    }
  }
  return undefined
}
