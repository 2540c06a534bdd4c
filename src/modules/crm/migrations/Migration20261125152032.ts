import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125152032 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "wishlist_item" drop constraint if exists "wishlist_item_customer_id_variant_id_unique";`);
    this.addSql(`alter table if exists "customer_stats" drop constraint if exists "customer_stats_customer_id_unique";`);
    this.addSql(`create table if not exists "customer_merge" ("id" text not null, "survivor_customer_id" text not null, "merged_customer_id" text not null, "merged_by" text null, "reason" text null, "moved" jsonb not null, "snapshot" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_merge_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_merge_deleted_at" ON "customer_merge" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_merge_survivor_customer_id" ON "customer_merge" ("survivor_customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_merge_merged_customer_id" ON "customer_merge" ("merged_customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_stats" ("id" text not null, "customer_id" text not null, "currency_code" text not null default 'inr', "order_count" integer not null default 0, "lifetime_value" numeric not null default 0, "first_order_at" timestamptz null, "last_order_at" timestamptz null, "metal_counts" jsonb null, "category_counts" jsonb null, "raw_lifetime_value" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_stats_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_stats_deleted_at" ON "customer_stats" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_stats_customer_id_unique" ON "customer_stats" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_stats_lifetime_value" ON "customer_stats" ("lifetime_value") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "wishlist_item" ("id" text not null, "customer_id" text not null, "variant_id" text not null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "wishlist_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wishlist_item_deleted_at" ON "wishlist_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_wishlist_item_customer_id_variant_id_unique" ON "wishlist_item" ("customer_id", "variant_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_merge" cascade;`);

    this.addSql(`drop table if exists "customer_stats" cascade;`);

    this.addSql(`drop table if exists "wishlist_item" cascade;`);
  }

}
