import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205093247 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "new_arrival_list" drop constraint if exists "new_arrival_list_key_unique";`);
    this.addSql(`create table if not exists "new_arrival_list" ("id" text not null, "key" text not null, "since" timestamptz null, "until" timestamptz null, "model_id" text null, "pieces" jsonb not null, "calls" jsonb not null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "new_arrival_list_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_new_arrival_list_deleted_at" ON "new_arrival_list" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_new_arrival_list_key_unique" ON "new_arrival_list" ("key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_new_arrival_list_created_at" ON "new_arrival_list" ("created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "new_arrival_list" cascade;`);
  }

}
