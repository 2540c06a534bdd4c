import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203194137 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pos_price_limit" drop constraint if exists "pos_price_limit_role_unique";`);
    this.addSql(`create table if not exists "pos_approval" ("id" text not null, "branch_id" text not null, "customer_id" text not null, "requested_by" text not null, "fingerprint" text not null, "request" jsonb not null, "making_discount_paise" numeric not null default 0, "making_discount_bps" integer not null default 0, "bill_discount_paise" numeric not null default 0, "reason" text not null, "status" text check ("status" in ('pending', 'approved', 'rejected', 'used')) not null default 'pending', "decided_by" text null, "decided_at" timestamptz null, "decision_note" text null, "sale_id" text null, "raw_making_discount_paise" jsonb not null default '{"value":"0","precision":20}', "raw_bill_discount_paise" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_approval_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_approval_deleted_at" ON "pos_approval" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_approval_branch_id_status_created_at" ON "pos_approval" ("branch_id", "status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_approval_sale_id" ON "pos_approval" ("sale_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pos_price_limit" ("id" text not null, "role" text not null, "making_discount_bps" integer null, "making_discount_paise" numeric null, "bill_discount_paise" numeric null, "user_id" text null, "raw_making_discount_paise" jsonb null, "raw_bill_discount_paise" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_price_limit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_price_limit_deleted_at" ON "pos_price_limit" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pos_price_limit_role_unique" ON "pos_price_limit" ("role") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pos_approval" cascade;`);

    this.addSql(`drop table if exists "pos_price_limit" cascade;`);
  }

}
