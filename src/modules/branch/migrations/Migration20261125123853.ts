import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125123853 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "branch" drop constraint if exists "branch_code_unique";`);
    this.addSql(`create table if not exists "branch" ("id" text not null, "code" text not null, "name" text not null, "gstin" text null, "state_code" text not null, "state_name" text not null, "address_1" text not null, "address_2" text null, "city" text not null, "postal_code" text not null, "phone" text null, "email" text null, "is_active" boolean not null default true, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "branch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_branch_deleted_at" ON "branch" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_branch_code_unique" ON "branch" ("code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "branch" cascade;`);
  }

}
