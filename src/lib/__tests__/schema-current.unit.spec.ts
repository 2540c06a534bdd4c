import { pendingSchema } from "../schema-current"

describe("pendingSchema", () => {
  const expected = {
    migrations: ["Migration20240101000000", "Migration20261204005829"],
    links: ["customer_customer_crm_customer_profile", "order_order_pos_pos_sale"],
    scripts: ["migrate-tax-region-provider", "customer-360-first"],
  }

  it("is empty when the database has everything, scripts recorded as .ts in development or .js when built", () => {
    expect(
      pendingSchema(expected, {
        migrations: [...expected.migrations, "Migration20230101000000"],
        links: [...expected.links, "a_link_since_removed"],
        scripts: ["migrate-tax-region-provider.js", "customer-360-first.ts"],
      })
    ).toEqual([])
  })

  it("names each thing not applied yet, migrations first, then link tables, then scripts", () => {
    expect(pendingSchema(expected, { migrations: ["Migration20240101000000"], links: ["order_order_pos_pos_sale"], scripts: ["migrate-tax-region-provider.js"] })).toEqual([
      "migration Migration20261204005829",
      "link table customer_customer_crm_customer_profile",
      "migration script customer-360-first",
    ])
  })
})
