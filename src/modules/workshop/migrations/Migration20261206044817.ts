import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206044817 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "job_card_payment" drop constraint if exists "job_card_payment_idempotency_key_unique";`);
    this.addSql(`alter table if exists "job_card_payment" drop constraint if exists "job_card_payment_number_unique";`);
    this.addSql(`create table if not exists "job_card_payment" ("id" text not null, "job_card_id" text not null, "branch_id" text not null, "kind" text check ("kind" in ('advance', 'balance', 'refund')) not null, "tender" text check ("tender" in ('cash', 'card', 'upi')) not null, "amount_paise" numeric not null, "reference" text null, "number" text null, "series" text null, "sequence" integer null, "invoice_id" text null, "paid_at" timestamptz not null, "user_id" text null, "idempotency_key" text null, "raw_amount_paise" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "job_card_payment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_job_card_payment_deleted_at" ON "job_card_payment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_job_card_payment_job_card_id" ON "job_card_payment" ("job_card_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_job_card_payment_branch_id_paid_at" ON "job_card_payment" ("branch_id", "paid_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_job_card_payment_number_unique" ON "job_card_payment" ("number") WHERE number IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_job_card_payment_idempotency_key_unique" ON "job_card_payment" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "job_card" add column if not exists "charges_paise" numeric null, add column if not exists "customer_gstin" text null, add column if not exists "invoice_id" text null, add column if not exists "invoice_number" text null, add column if not exists "raw_charges_paise" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "job_card_payment" cascade;`);

    this.addSql(`alter table if exists "job_card" drop column if exists "charges_paise", drop column if exists "customer_gstin", drop column if exists "invoice_id", drop column if exists "invoice_number", drop column if exists "raw_charges_paise";`);
  }

}
