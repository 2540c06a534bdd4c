import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206194939 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "stock_fact" ("id" text not null, "inventory_level_id" text not null, "inventory_item_id" text not null, "variant_id" text not null, "product_id" text not null, "branch_id" text not null, "category" text not null, "metal" text not null, "purity" integer not null, "tag_code" text null, "pieces" integer not null, "gross_weight_mg" numeric not null, "net_weight_mg" numeric not null, "price_paise" numeric null, "cost_paise" numeric null, "in_stock_since" timestamptz not null, "raw_gross_weight_mg" jsonb not null, "raw_net_weight_mg" jsonb not null, "raw_price_paise" jsonb null, "raw_cost_paise" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_fact_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_fact_deleted_at" ON "stock_fact" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_fact_inventory_item_id" ON "stock_fact" ("inventory_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_fact_branch_id" ON "stock_fact" ("branch_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stock_fact" cascade;`);
  }

}
