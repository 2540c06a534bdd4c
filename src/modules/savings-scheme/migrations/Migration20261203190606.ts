import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203190606 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "scheme_template" drop constraint if exists "scheme_template_code_unique";`);
    this.addSql(`alter table if exists "scheme_instalment" drop constraint if exists "scheme_instalment_enrolment_id_sequence_unique";`);
    this.addSql(`alter table if exists "scheme_instalment" drop constraint if exists "scheme_instalment_idempotency_key_unique";`);
    this.addSql(`alter table if exists "scheme_enrolment" drop constraint if exists "scheme_enrolment_series_sequence_unique";`);
    this.addSql(`alter table if exists "scheme_enrolment" drop constraint if exists "scheme_enrolment_number_unique";`);
    this.addSql(`alter table if exists "scheme_enrolment" drop constraint if exists "scheme_enrolment_idempotency_key_unique";`);
    this.addSql(`alter table if exists "scheme_counter" drop constraint if exists "scheme_counter_series_unique";`);
    this.addSql(`create table if not exists "scheme_counter" ("id" text not null, "series" text not null, "last_sequence" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "scheme_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_scheme_counter_deleted_at" ON "scheme_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_scheme_counter_series_unique" ON "scheme_counter" ("series") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "scheme_enrolment" ("id" text not null, "idempotency_key" text not null, "fingerprint" text not null, "number" text not null, "series" text not null, "sequence" integer not null, "template_id" text not null, "template_code" text not null, "template_name" text not null, "terms" jsonb not null, "customer_id" text not null, "branch_id" text not null, "branch_code" text not null, "user_id" text null, "enrolled_on" text not null, "matures_on" text not null, "status" text check ("status" in ('active', 'redeemed')) not null default 'active', "identity" text check ("identity" in ('not_needed', 'pan', 'form_60')) not null default 'not_needed', "pan_masked" text null, "pan_encrypted" text null, "redeemed_paise" numeric null, "redeemed_fine_mg" integer null, "redeemed_sale_id" text null, "redeemed_at" timestamptz null, "note" text null, "raw_redeemed_paise" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "scheme_enrolment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_scheme_enrolment_deleted_at" ON "scheme_enrolment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_scheme_enrolment_idempotency_key_unique" ON "scheme_enrolment" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_scheme_enrolment_number_unique" ON "scheme_enrolment" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_scheme_enrolment_series_sequence_unique" ON "scheme_enrolment" ("series", "sequence") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_scheme_enrolment_customer_id" ON "scheme_enrolment" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_scheme_enrolment_branch_id_status" ON "scheme_enrolment" ("branch_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "scheme_instalment" ("id" text not null, "enrolment_id" text not null, "idempotency_key" text not null, "sequence" integer not null, "due_on" text not null, "paid_on" text not null, "amount_paise" numeric not null, "tender" text check ("tender" in ('cash', 'card', 'upi')) not null, "reference" text null, "fine_mg" integer null, "rate_per_g_paise" integer null, "branch_id" text not null, "user_id" text null, "raw_amount_paise" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "scheme_instalment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_scheme_instalment_enrolment_id" ON "scheme_instalment" ("enrolment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_scheme_instalment_deleted_at" ON "scheme_instalment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_scheme_instalment_idempotency_key_unique" ON "scheme_instalment" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_scheme_instalment_enrolment_id_sequence_unique" ON "scheme_instalment" ("enrolment_id", "sequence") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_scheme_instalment_branch_id_paid_on" ON "scheme_instalment" ("branch_id", "paid_on") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "scheme_template" ("id" text not null, "code" text not null, "name" text not null, "description" text null, "kind" text check ("kind" in ('amount', 'weight')) not null, "purity" integer null, "instalment_paise" numeric not null, "instalments" integer not null, "maturity_months" integer not null, "bonus_type" text check ("bonus_type" in ('instalments', 'percent_of_paid', 'making_waiver', 'none')) not null, "bonus_count" integer not null default 0, "bonus_bps" integer not null default 0, "grace_days" integer not null default 7, "early_closure_after" integer not null, "active" boolean not null default true, "user_id" text null, "raw_instalment_paise" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "scheme_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_scheme_template_deleted_at" ON "scheme_template" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_scheme_template_code_unique" ON "scheme_template" ("code") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "scheme_instalment" add constraint "scheme_instalment_enrolment_id_foreign" foreign key ("enrolment_id") references "scheme_enrolment" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "scheme_instalment" drop constraint if exists "scheme_instalment_enrolment_id_foreign";`);

    this.addSql(`drop table if exists "scheme_counter" cascade;`);

    this.addSql(`drop table if exists "scheme_enrolment" cascade;`);

    this.addSql(`drop table if exists "scheme_instalment" cascade;`);

    this.addSql(`drop table if exists "scheme_template" cascade;`);
  }

}
