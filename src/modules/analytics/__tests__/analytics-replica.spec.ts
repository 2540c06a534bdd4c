import { randomBytes } from "node:crypto"
import { Client } from "pg"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ANALYTICS_MODULE } from ".."
import { FactsRebuild } from "../models/facts-rebuild"
import { SalesFact } from "../models/sales-fact"
import { Migration20261204045001 } from "../migrations/Migration20261204045001"
import { Migration20261204053624 } from "../migrations/Migration20261204053624"
import { Migration20261204060000 } from "../migrations/Migration20261204060000"
import AnalyticsModuleService from "../service"

jest.setTimeout(120 * 1000)

/** The test server (DB_* as Medusa's runner reads them). */
const server = {
  host: process.env.DB_HOST ?? "localhost",
  port: Number(process.env.DB_PORT ?? 5432),
  user: process.env.DB_USERNAME ?? "postgres",
  password: process.env.DB_PASSWORD || undefined,
}
const replicaName = `jt_analytics_replica_${randomBytes(4).toString("hex")}`
const replicaUrl = `postgres://${encodeURIComponent(server.user)}${server.password ? `:${encodeURIComponent(server.password)}` : ""}@${server.host}:${server.port}/${replicaName}`

async function onServer<T>(database: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...server, database })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** The module's migrations' statements, as `medusa db:migrate` would run them. */
async function migrationStatements(): Promise<string[]> {
  const statements: string[] = []
  for (const M of [Migration20261204045001, Migration20261204053624, Migration20261204060000]) {
    const migration = new M({} as never, {} as never)
    await migration.up()
    statements.push(...migration.getQueries().map((q) => (typeof q === "string" ? q : q.toQuery())))
  }
  return statements
}

// A database of its own stands for the replica: facts written through the service (the primary) do not
// reach it, and rows put there directly are what the reports then show.
beforeAll(async () => {
  await onServer("postgres", (c) => c.query(`create database ${replicaName}`))
  const statements = await migrationStatements()
  await onServer(replicaName, async (c) => {
    for (const sql of statements) {
      await c.query(sql)
    }
  })
})

afterAll(async () => {
  await onServer("postgres", (c) => c.query(`drop database if exists ${replicaName} with (force)`))
})

moduleIntegrationTestRunner<AnalyticsModuleService>({
  moduleName: ANALYTICS_MODULE,
  moduleModels: [SalesFact, FactsRebuild],
  moduleOptions: { read_url: replicaUrl },
  resolve: "./src/modules/analytics",
  testSuite: ({ service }) => {
    afterAll(() => service.__hooks?.onApplicationShutdown?.())

    it("reads the reports from ANALYTICS_DATABASE_URL and writes the facts to the shop's database", async () => {
      const range = { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z"), group_by: "total" as const }
      await service.replaceOrderFacts(
        ["order_primary"],
        [
          {
            order_id: "order_primary", item_id: "ordli_p", source_id: "ordli_p", kind: "sale", occurred_at: new Date("2026-11-01T10:00:00Z"),
            customer_id: "cus_1", branch_id: "br_mum", channel: "counter", staff_user_id: null, variant_id: "variant_1", metal: "gold", purity: 916,
            category: "rings", pieces: 1, gross_weight_mg: 4_500, net_weight_mg: 4_240, revenue_paise: 32_673_92, gst_paise: 980_22, discount_paise: 0,
            making_paise: null, bill: 1,
          },
        ]
      )
      expect(await service.listSalesFacts({ order_id: "order_primary" })).toHaveLength(1)
      // Not replayed on the "replica" yet: the report sees none of it.
      expect(await service.salesReport(range)).toEqual([])

      await onServer(replicaName, (c) =>
        c.query(
          `insert into sales_fact (id, order_id, item_id, source_id, kind, occurred_at, channel, branch_id, pieces, bill,
                                   gross_weight_mg, net_weight_mg, revenue_paise, gst_paise, discount_paise,
                                   raw_gross_weight_mg, raw_net_weight_mg, raw_revenue_paise, raw_gst_paise, raw_discount_paise)
           values ('sf_r', 'order_replica', 'ordli_r', 'ordli_r', 'sale', '2026-11-02T10:00:00Z', 'online', 'br_del', 2, 1,
                   9000, 8000, 5000000, 150000, 0, '{"value":"9000"}', '{"value":"8000"}', '{"value":"5000000"}', '{"value":"150000"}', '{"value":"0"}')`
        )
      )
      const [total] = await service.salesReport(range)
      expect(total).toMatchObject({ bills: 1, pieces: 2, revenue_paise: 50_000_00 })
      const replica = await service.readConnection()
      expect(replica?.client.config.connection).toMatchObject({ connectionString: replicaUrl })
    })
  },
})
