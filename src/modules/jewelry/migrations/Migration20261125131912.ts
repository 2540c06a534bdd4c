import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125131912 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "jewelry_attributes" drop constraint if exists "jewelry_attributes_tag_code_unique";`);
    this.addSql(`alter table if exists "jewelry_attributes" drop constraint if exists "jewelry_attributes_huid_unique";`);
    this.addSql(`create table if not exists "jewelry_attributes" ("id" text not null, "metal" text check ("metal" in ('gold', 'silver', 'platinum')) not null, "purity" integer not null, "gross_weight_mg" integer not null, "net_weight_mg" integer not null, "stone_weight_mg" integer not null default 0, "stones" jsonb null, "making_type" text check ("making_type" in ('per_gram', 'percent', 'flat')) not null, "making_value" integer not null, "wastage_bp" integer not null default 0, "other_charges_paise" integer not null default 0, "hsn" text not null default '7113', "huid" text null, "hallmark_date" timestamptz null, "certificate" jsonb null, "tag_code" text not null, "design_code" text null, "size" text null, "gender" text check ("gender" in ('women', 'men', 'unisex', 'kids')) null, "occasion" text null, "collection" text null, "pricing_mode" text check ("pricing_mode" in ('rate_based', 'fixed')) not null default 'rate_based', "breakdown" jsonb null, "priced_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "jewelry_attributes_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_jewelry_attributes_deleted_at" ON "jewelry_attributes" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_jewelry_attributes_huid_unique" ON "jewelry_attributes" ("huid") WHERE huid IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_jewelry_attributes_tag_code_unique" ON "jewelry_attributes" ("tag_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_jewelry_attributes_metal_purity_pricing_mode" ON "jewelry_attributes" ("metal", "purity", "pricing_mode") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_jewelry_attributes_design_code" ON "jewelry_attributes" ("design_code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "metal_rate" ("id" text not null, "metal" text check ("metal" in ('gold', 'silver', 'platinum')) not null, "purity" integer not null, "rate_per_g_paise" integer not null, "effective_from" timestamptz not null, "branch_id" text null, "source" text not null default 'manual', "set_by" text null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "metal_rate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_metal_rate_deleted_at" ON "metal_rate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_metal_rate_metal_purity_branch_id_effective_from" ON "metal_rate" ("metal", "purity", "branch_id", "effective_from") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_metal_rate_effective_from" ON "metal_rate" ("effective_from") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "reprice_job" ("id" text not null, "trigger" text check ("trigger" in ('rates_set', 'daily', 'manual', 'seed')) not null, "status" text check ("status" in ('pending', 'running', 'succeeded', 'failed')) not null default 'pending', "total" integer not null default 0, "processed" integer not null default 0, "failed" integer not null default 0, "cursor" text null, "failures" jsonb null, "error" text null, "started_at" timestamptz null, "finished_at" timestamptz null, "heartbeat_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "reprice_job_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reprice_job_deleted_at" ON "reprice_job" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reprice_job_status" ON "reprice_job" ("status") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "jewelry_attributes" cascade;`);

    this.addSql(`drop table if exists "metal_rate" cascade;`);

    this.addSql(`drop table if exists "reprice_job" cascade;`);
  }

}
