import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203201925 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pos_estimate" drop constraint if exists "pos_estimate_number_unique";`);
    this.addSql(`create table if not exists "pos_estimate" ("id" text not null, "number" text not null, "branch_id" text not null, "customer_id" text not null, "user_id" text null, "request" jsonb not null, "document" jsonb not null, "total_paise" numeric not null, "old_gold_paise" numeric not null default 0, "to_pay_paise" numeric not null, "rates_key" text not null, "sale_id" text null, "raw_total_paise" jsonb not null, "raw_old_gold_paise" jsonb not null default '{"value":"0","precision":20}', "raw_to_pay_paise" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_estimate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_estimate_deleted_at" ON "pos_estimate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pos_estimate_number_unique" ON "pos_estimate" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_estimate_branch_id_created_at" ON "pos_estimate" ("branch_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_estimate_customer_id_created_at" ON "pos_estimate" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pos_estimate" cascade;`);
  }

}
