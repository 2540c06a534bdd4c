/**
 * Checks where the CMS keeps pictures, as the storefront would: uploads a
 * small generated picture through Payload (with its card and wide sizes),
 * prints one JSON line (the storage, the files' names in it, the original's
 * SHA-256, its address) and deletes it again unless `keep` follows the
 * script's path (Payload's `run` passes on words, not --flags).
 * Run in storefront/ with the shop's settings:
 *   DATABASE_URL=… PAYLOAD_SECRET=… [S3_BUCKET=… S3_…] npx payload run cms/scripts/check-storage.ts
 * The tests run it against the loopback S3 (integration-tests/http/backups.spec.ts).
 */
import { createHash } from "node:crypto"
import { writeSync } from "node:fs"
import path from "node:path"
import { getPayload } from "payload"
import sharp from "sharp"
import config from "../../payload.config"
import { cmsDataDir } from "../settings"

const payload = await getPayload({ config })
const data = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#c9a227" } })
  .png()
  .toBuffer()
const doc = await payload.create({
  collection: "media",
  data: { alt: "Storage check" },
  file: { data, mimetype: "image/png", name: `storage-check-${Date.now()}.png`, size: data.length },
})
const names = [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)].filter((name): name is string => Boolean(name))
const s3 = Boolean(process.env.S3_BUCKET)
const files = names.map((name) => (s3 ? `${doc.prefix}/${name}` : path.join(cmsDataDir(), "media", name)))
// Written to the descriptor at once: process.exit below does not wait for a stream to a pipe to drain.
writeSync(1, `${JSON.stringify({ storage: s3 ? "s3" : "local", files, sha256: createHash("sha256").update(data).digest("hex"), url: doc.url })}\n`)
if (!process.argv.includes("keep")) {
  await payload.delete({ collection: "media", id: doc.id })
}
process.exit(0)
