import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205124554 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "preference_design" drop constraint if exists "preference_design_model_id_design_id_unique";`);
    this.addSql(`create table if not exists "preference_design" ("id" text not null, "model_id" text not null, "design_id" text not null, "title" text not null, "category" text not null, "metal" text not null, "purity" integer null, "band" text null, "popularity" real not null, "factors" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "preference_design_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preference_design_deleted_at" ON "preference_design" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_preference_design_model_id_design_id_unique" ON "preference_design" ("model_id", "design_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "preference_design" cascade;`);
  }

}
