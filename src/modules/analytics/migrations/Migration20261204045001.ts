import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204045001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sales_fact" drop constraint if exists "sales_fact_source_id_item_id_unique";`);
    this.addSql(`create table if not exists "sales_fact" ("id" text not null, "order_id" text not null, "item_id" text not null, "source_id" text not null, "kind" text check ("kind" in ('sale', 'return')) not null, "occurred_at" timestamptz not null, "customer_id" text null, "branch_id" text null, "channel" text check ("channel" in ('counter', 'online', 'payment_link')) not null, "staff_user_id" text null, "variant_id" text null, "metal" text null, "purity" integer null, "category" text null, "pieces" integer not null, "gross_weight_mg" numeric not null, "net_weight_mg" numeric not null, "revenue_paise" numeric not null, "gst_paise" numeric not null, "discount_paise" numeric not null, "making_paise" numeric null, "raw_gross_weight_mg" jsonb not null, "raw_net_weight_mg" jsonb not null, "raw_revenue_paise" jsonb not null, "raw_gst_paise" jsonb not null, "raw_discount_paise" jsonb not null, "raw_making_paise" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sales_fact_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_fact_deleted_at" ON "sales_fact" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_fact_order_id" ON "sales_fact" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_fact_occurred_at" ON "sales_fact" ("occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_fact_branch_id_occurred_at" ON "sales_fact" ("branch_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sales_fact_source_id_item_id_unique" ON "sales_fact" ("source_id", "item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sales_facts_rebuild" ("id" text not null, "status" text check ("status" in ('running', 'done', 'failed')) not null default 'running', "cursor" text null, "orders_total" integer not null default 0, "orders_done" integer not null default 0, "facts_written" integer not null default 0, "error" text null, "started_at" timestamptz not null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sales_facts_rebuild_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_facts_rebuild_deleted_at" ON "sales_facts_rebuild" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sales_fact" cascade;`);

    this.addSql(`drop table if exists "sales_facts_rebuild" cascade;`);
  }

}
