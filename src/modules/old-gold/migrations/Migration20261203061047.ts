import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203061047 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "old_gold_voucher" drop constraint if exists "old_gold_voucher_series_sequence_unique";`);
    this.addSql(`alter table if exists "old_gold_voucher" drop constraint if exists "old_gold_voucher_number_unique";`);
    this.addSql(`alter table if exists "old_gold_voucher" drop constraint if exists "old_gold_voucher_idempotency_key_unique";`);
    this.addSql(`alter table if exists "old_gold_counter" drop constraint if exists "old_gold_counter_series_unique";`);
    this.addSql(`create table if not exists "old_gold_buying_rate" ("id" text not null, "metal" text check ("metal" in ('gold', 'silver', 'platinum')) not null, "purity" integer not null, "rate_per_g_paise" numeric not null, "branch_id" text null, "effective_from" timestamptz not null, "user_id" text null, "raw_rate_per_g_paise" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "old_gold_buying_rate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_old_gold_buying_rate_deleted_at" ON "old_gold_buying_rate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_old_gold_buying_rate_metal_purity_branch_id_effective_from" ON "old_gold_buying_rate" ("metal", "purity", "branch_id", "effective_from") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "old_gold_counter" ("id" text not null, "series" text not null, "last_sequence" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "old_gold_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_old_gold_counter_deleted_at" ON "old_gold_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_old_gold_counter_series_unique" ON "old_gold_counter" ("series") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "old_gold_movement" ("id" text not null, "branch_id" text not null, "metal" text check ("metal" in ('gold', 'silver', 'platinum')) not null, "fine_mg" integer not null, "kind" text check ("kind" in ('purchase', 'to_refinery', 'to_karigar', 'melted', 'scrap_sale', 'adjustment')) not null, "voucher_id" text null, "reference" text null, "note" text null, "user_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "old_gold_movement_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_old_gold_movement_deleted_at" ON "old_gold_movement" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_old_gold_movement_branch_id_metal" ON "old_gold_movement" ("branch_id", "metal") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_old_gold_movement_voucher_id" ON "old_gold_movement" ("voucher_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "old_gold_voucher" ("id" text not null, "idempotency_key" text not null, "fingerprint" text not null, "number" text not null, "series" text not null, "sequence" integer not null, "financial_year" text not null, "branch_id" text not null, "branch_code" text not null, "customer_id" text not null, "user_id" text null, "kind" text check ("kind" in ('exchange', 'purchase')) not null, "total_value_paise" numeric not null, "cash_paise" numeric not null default 0, "bank_paise" numeric not null default 0, "sale_credit_paise" numeric not null default 0, "credit_used_paise" numeric not null default 0, "bank_reference" text null, "identity" text check ("identity" in ('not_needed', 'pan', 'form_60')) not null default 'not_needed', "pan_masked" text null, "pan_encrypted" text null, "note" text null, "issued_at" timestamptz not null, "raw_total_value_paise" jsonb not null, "raw_cash_paise" jsonb not null default '{"value":"0","precision":20}', "raw_bank_paise" jsonb not null default '{"value":"0","precision":20}', "raw_sale_credit_paise" jsonb not null default '{"value":"0","precision":20}', "raw_credit_used_paise" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "old_gold_voucher_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_old_gold_voucher_deleted_at" ON "old_gold_voucher" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_old_gold_voucher_idempotency_key_unique" ON "old_gold_voucher" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_old_gold_voucher_number_unique" ON "old_gold_voucher" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_old_gold_voucher_series_sequence_unique" ON "old_gold_voucher" ("series", "sequence") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_old_gold_voucher_branch_id_issued_at" ON "old_gold_voucher" ("branch_id", "issued_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_old_gold_voucher_customer_id_issued_at" ON "old_gold_voucher" ("customer_id", "issued_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "old_gold_article" ("id" text not null, "voucher_id" text not null, "metal" text check ("metal" in ('gold', 'silver', 'platinum')) not null, "description" text not null, "purity_test" text check ("purity_test" in ('touchstone', 'xrf')) not null, "gross_weight_mg" integer not null, "deduction_weight_mg" integer not null, "tested_purity" integer not null, "net_weight_mg" integer not null, "fine_weight_mg" integer not null, "melting_loss_bps" integer not null, "melting_loss_mg" integer not null, "payable_fine_mg" integer not null, "rate_purity" integer not null, "rate_per_g_paise" numeric not null, "value_paise" numeric not null, "raw_rate_per_g_paise" jsonb not null, "raw_value_paise" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "old_gold_article_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_old_gold_article_voucher_id" ON "old_gold_article" ("voucher_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_old_gold_article_deleted_at" ON "old_gold_article" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "old_gold_article" add constraint "old_gold_article_voucher_id_foreign" foreign key ("voucher_id") references "old_gold_voucher" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "old_gold_article" drop constraint if exists "old_gold_article_voucher_id_foreign";`);

    this.addSql(`drop table if exists "old_gold_buying_rate" cascade;`);

    this.addSql(`drop table if exists "old_gold_counter" cascade;`);

    this.addSql(`drop table if exists "old_gold_movement" cascade;`);

    this.addSql(`drop table if exists "old_gold_voucher" cascade;`);

    this.addSql(`drop table if exists "old_gold_article" cascade;`);
  }

}
