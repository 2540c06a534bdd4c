import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "staff_access" drop constraint if exists "staff_access_user_id_unique";`);
    this.addSql(`create table if not exists "staff_access" ("id" text not null, "user_id" text not null, "role" text check ("role" in ('owner', 'branch_manager', 'sales_staff', 'accountant', 'auditor')) not null, "branch_ids" text[] not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "staff_access_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_staff_access_deleted_at" ON "staff_access" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_staff_access_user_id_unique" ON "staff_access" ("user_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_staff_access_role" ON "staff_access" ("role") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "staff_access" cascade;`);
  }

}
