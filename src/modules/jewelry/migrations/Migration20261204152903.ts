import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204152903 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "piece_cost" drop constraint if exists "piece_cost_variant_id_unique";`);
    this.addSql(`create table if not exists "piece_cost" ("id" text not null, "variant_id" text not null, "cost_paise" numeric not null, "source" text check ("source" in ('intake', 'manual')) not null default 'intake', "raw_cost_paise" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "piece_cost_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_piece_cost_deleted_at" ON "piece_cost" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_piece_cost_variant_id_unique" ON "piece_cost" ("variant_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "piece_cost" cascade;`);
  }

}
