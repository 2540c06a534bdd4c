/**
 * Builds the run's template databases (support/templates.ts); the launcher
 * runs this file once, before the http and redis layers. The app is booted by Medusa's own test runner, as in every spec,
 * so the templates hold exactly the schema and links the specs would make,
 * and the migration scripts are run as `medusa db:migrate` runs them.
 */
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MigrationScriptsMigrator } from "@medusajs/framework/migrations"
import { ensureAdminUser } from "../../src/scripts/demo-shop/admin-user"
import { isDemoShopSeeded, seedDemoShop } from "../../src/scripts/demo-shop/seed-demo-shop"
import { ADMIN } from "../http/helpers"
import { stopScheduledJobs } from "../support/schedule"
import { STARTING_POINTS, templateName, type StartingPoint } from "../support/templates"
import { eventsSettled, trackSubscribers } from "../support/wait"

jest.setTimeout(600 * 1000)

const wanted = (process.env.JEWEL_TEST_TEMPLATE_POINTS ?? STARTING_POINTS.join(","))
  .split(",")
  .filter((p): p is StartingPoint => (STARTING_POINTS as string[]).includes(p))

if (!process.env.JEWEL_TEST_TEMPLATES) {
  throw new Error("JEWEL_TEST_TEMPLATES (the template name prefix) is not set: the templates are built by npm test")
}

medusaIntegrationTestRunner({
  inApp: true,
  dbName: `${process.env.JEWEL_TEST_TEMPLATES}_build`,
  testSuite: ({ api, getContainer, dbUtils }) => {
    beforeAll(() => trackSubscribers(getContainer()))
    // What a template holds is the seed's alone, whenever the build runs.
    beforeAll(() => stopScheduledJobs())
    // Medusa's runner migrates the modules and links; `medusa db:migrate` also runs the migration scripts.
    beforeAll(async () => {
      const migrator = new MigrationScriptsMigrator({ container: getContainer() })
      await migrator.ensureMigrationsTable()
      await migrator.run([
        path.join(path.dirname(require.resolve("@medusajs/medusa")), "migration-scripts"),
        path.join(__dirname, "../../src/migration-scripts"),
      ])
    })

    if (wanted.includes("schema")) {
      it("keeps the migrated schema as the 'schema' template", async () => {
        await dbUtils.snapshot({ templateName: templateName("schema") })
      })
    }

    if (wanted.includes("seeded")) {
      it("keeps the demo shop and its owner login as the 'seeded' template", async () => {
        const container = getContainer()
        await seedDemoShop(container)
        await ensureAdminUser(container, ADMIN)
        // What the seed's events set off belongs in the template too.
        await eventsSettled(container)
        expect(await isDemoShopSeeded(container)).toBe(true)
        const login = await api.post("/auth/user/emailpass", ADMIN)
        expect(login.data.token).toEqual(expect.any(String))
        await dbUtils.snapshot({ templateName: templateName("seeded") })
      })
    }
  },
})
