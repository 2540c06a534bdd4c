/**
 * `npm run seed` (and the first `npm start`): seeds the demo shop unless
 * SEED_DEMO=false, and creates the first admin user when there is none, from
 * ADMIN_EMAIL / ADMIN_PASSWORD or with a generated password that is written
 * to .data/admin-credentials.txt, with the demo staff's own passwords.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { ensureAdminUser } from "./demo-shop/admin-user"
import { seedDemoShop } from "./demo-shop/seed-demo-shop"
import { seedDemoStaff } from "./demo-shop/seed-staff"

export const DEFAULT_ADMIN_EMAIL = "admin@jewel-crm.local"

export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (process.env.SEED_DEMO !== "false") {
    await seedDemoShop(container, (message) => logger.info(`Seeding: ${message}`), { catalog: true })
  }

  const generated = !process.env.ADMIN_PASSWORD
  const email = process.env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL
  const password = process.env.ADMIN_PASSWORD || randomBytes(12).toString("base64url")
  const admin = await ensureAdminUser(container, { email, password })
  const dataDir = path.resolve(process.env.JEWEL_DATA_DIR || ".data")
  const credentials = path.join(dataDir, "admin-credentials.txt")
  if (admin.created) {
    if (generated) {
      fs.mkdirSync(dataDir, { recursive: true })
      fs.writeFileSync(credentials, `email: ${admin.email}\npassword: ${admin.password}\n`, { mode: 0o600 })
    }
    logger.info(`Admin user created: ${admin.email}`)
    if (process.env.SEED_DEMO !== "false") {
      // One login per role, each with its own password, to try what each may see.
      const staff = await seedDemoStaff(container)
      if (staff.length) {
        fs.mkdirSync(dataDir, { recursive: true })
        fs.appendFileSync(credentials, staff.map((s) => `staff: ${s.email} / ${s.password} (${s.role})\n`).join(""), { mode: 0o600 })
        logger.info(`Demo staff logins (passwords in ${credentials}): ${staff.map((s) => s.email).join(", ")}`)
      }
    }
  }
}
