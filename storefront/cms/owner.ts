import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from "payload"
import { writeDemoContent } from "./demo-content"
import { cmsDataDir, OWNER_CREDENTIALS_FILE } from "./settings"

/**
 * The CMS's first start: its first account, for the shop owner's email
 * (CMS_OWNER_EMAIL; `npm start` passes the admin's) with a generated
 * password, and on a demo shop (CMS_DEMO_CONTENT=true) the demo's website
 * content. One transaction: a start that fails half-way leaves nothing, and
 * the next start does it again. Nothing is made once any account exists, so
 * a changed password and deleted demo pages stay as the owner left them.
 * The password is saved beside the CMS's media, readable by the shop's user only.
 */
export async function firstStart(payload: Payload): Promise<void> {
  if ((await payload.count({ collection: "users" })).totalDocs > 0) {
    return
  }
  const email = process.env.CMS_OWNER_EMAIL || "admin@jewel-crm.local"
  const password = randomBytes(12).toString("base64url")
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    await payload.create({ collection: "users", data: { email, password, name: "Owner" }, req })
    if (process.env.CMS_DEMO_CONTENT === "true") {
      await writeDemoContent(payload, req as PayloadRequest)
    }
    await commitTransaction(req)
  } catch (err) {
    await killTransaction(req)
    // Another instance made it first: theirs stands.
    if ((await payload.count({ collection: "users" })).totalDocs > 0) {
      return
    }
    throw err
  }
  const dir = cmsDataDir()
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, OWNER_CREDENTIALS_FILE), `email: ${email}\npassword: ${password}\n`, { mode: 0o600 })
  payload.logger.info(`CMS owner account made for ${email}; its password is in ${path.join(dir, OWNER_CREDENTIALS_FILE)}`)
}
