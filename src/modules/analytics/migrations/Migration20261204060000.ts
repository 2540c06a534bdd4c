import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Written by hand: the reports read a period's facts by time, and an index
 * on the time that carries every column they add up lets PostgreSQL answer
 * from the index alone, in time order, instead of visiting each row of the
 * period scattered through the table (docs/benchmarks.md, "Reports"). The
 * model's DML cannot declare INCLUDE columns.
 */
export class Migration20261204060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_sales_fact_occurred_at_report" ON "sales_fact" ("occurred_at")
         INCLUDE ("kind", "bill", "pieces", "order_id", "branch_id", "channel", "staff_user_id", "metal", "purity", "category",
                  "gross_weight_mg", "net_weight_mg", "revenue_paise", "gst_paise", "discount_paise", "making_paise")
         WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_sales_fact_occurred_at_report";`)
  }
}
