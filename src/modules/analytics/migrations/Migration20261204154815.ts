import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204154815 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "stock_snapshot" drop constraint if exists "stock_snapshot_day_branch_id_category_metal_purity_unique";`);
    this.addSql(`create table if not exists "stock_snapshot" ("id" text not null, "day" text not null, "taken_at" timestamptz not null, "branch_id" text not null, "category" text not null, "metal" text not null, "purity" integer not null, "pieces" integer not null, "gross_weight_mg" numeric not null, "net_weight_mg" numeric not null, "metal_value_paise" numeric not null, "unvalued_pieces" integer not null, "price_paise" numeric not null, "cost_paise" numeric not null, "costed_pieces" integer not null, "dead_pieces" integer not null, "raw_gross_weight_mg" jsonb not null, "raw_net_weight_mg" jsonb not null, "raw_metal_value_paise" jsonb not null, "raw_price_paise" jsonb not null, "raw_cost_paise" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_snapshot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_snapshot_deleted_at" ON "stock_snapshot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_snapshot_day_branch_id_category_metal_purity_unique" ON "stock_snapshot" ("day", "branch_id", "category", "metal", "purity") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stock_snapshot" cascade;`);
  }

}
