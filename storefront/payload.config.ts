import path from "node:path"
import { fileURLToPath } from "node:url"
import { postgresAdapter } from "@payloadcms/db-postgres"
import { lexicalEditor } from "@payloadcms/richtext-lexical"
import { buildConfig, type Migration } from "payload"
import sharp from "sharp"
import { Banners } from "./cms/collections/banners"
import { BranchPages } from "./cms/collections/branch-pages"
import { Faqs } from "./cms/collections/faqs"
import { Media } from "./cms/collections/media"
import { Guides, Lookbooks, Policies } from "./cms/collections/pages"
import { Users } from "./cms/collections/users"
import { migrations } from "./cms/migrations"
import { keepFieldErrors } from "./cms/errors"
import { firstStart } from "./cms/owner"
import { mediaStorage } from "./cms/storage"

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Payload CMS inside the storefront: the shop's banners, lookbook pages,
 * branch pages, guides, FAQ and policies, in English and Hindi, edited at
 * /cms. Its tables live in the shop's database in their own schema
 * ("payload"), created by the committed migrations in cms/migrations on
 * the first start (docs/storefront.md, "Content").
 */
export default buildConfig({
  secret: process.env.PAYLOAD_SECRET || "",
  routes: { admin: "/cms", api: "/cms/api" },
  admin: {
    user: Users.slug,
    meta: { titleSuffix: " · Website content" },
    // No Gravatar: the shop's machine may have no way out, and editors' emails stay here.
    avatar: "default",
    importMap: { baseDir: dirname, importMapFile: path.join(dirname, "app", "(payload)", "cms", "importMap.js") },
  },
  collections: [Banners, Lookbooks, Guides, BranchPages, Faqs, Policies, Media, Users],
  localization: {
    locales: [
      { code: "en", label: "English" },
      { code: "hi", label: "हिन्दी" },
    ],
    defaultLocale: "en",
    // A page not yet written in Hindi shows in English rather than blank.
    fallback: true,
  },
  editor: lexicalEditor(),
  graphQL: { disable: true },
  hooks: { afterError: [keepFieldErrors] },
  telemetry: false,
  sharp,
  plugins: [mediaStorage()],
  db: postgresAdapter({
    pool: { connectionString: process.env.DATABASE_URL, max: 5 },
    schemaName: "payload",
    // The schema changes only by committed migrations, never by pushing the config.
    push: false,
    migrationDir: path.join(dirname, "cms", "migrations"),
  }),
  typescript: { outputFile: path.join(dirname, "cms", "payload-types.ts"), autoGenerate: false },
  onInit: async (payload) => {
    // Run on every start, in development too (Payload's prodMigrations would run them in production only);
    // its migrate() takes migrations of any adapter, hence the cast from the Postgres adapter's own type.
    await payload.db.migrate({ migrations: migrations as Migration[] })
    await firstStart(payload)
  },
})
