import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201211713 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "tax_document_counter" drop constraint if exists "tax_document_counter_series_unique";`);
    this.addSql(`alter table if exists "tax_document" drop constraint if exists "tax_document_return_id_unique";`);
    this.addSql(`alter table if exists "tax_document" drop constraint if exists "tax_document_order_id_unique";`);
    this.addSql(`alter table if exists "tax_document" drop constraint if exists "tax_document_series_sequence_unique";`);
    this.addSql(`alter table if exists "tax_document" drop constraint if exists "tax_document_number_unique";`);
    this.addSql(`create table if not exists "tax_document" ("id" text not null, "type" text check ("type" in ('invoice', 'credit_note')) not null, "number" text not null, "series" text not null, "sequence" integer not null, "financial_year" text not null, "branch_id" text not null, "branch_code" text not null, "order_id" text not null, "return_id" text null, "against_id" text null, "customer_id" text null, "issued_at" timestamptz not null, "grand_total_paise" numeric not null, "body" jsonb not null, "file_id" text null, "file_status" text check ("file_status" in ('pending', 'stored', 'failed')) not null default 'pending', "file_attempts" integer not null default 0, "file_error" text null, "next_attempt_at" timestamptz null, "raw_grand_total_paise" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tax_document_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_document_deleted_at" ON "tax_document" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_document_number_unique" ON "tax_document" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_document_series_sequence_unique" ON "tax_document" ("series", "sequence") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_document_order_id_unique" ON "tax_document" ("order_id") WHERE type = 'invoice' AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_document_return_id_unique" ON "tax_document" ("return_id") WHERE return_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_document_file_status_next_attempt_at" ON "tax_document" ("file_status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_document_customer_id" ON "tax_document" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_document_issued_at" ON "tax_document" ("issued_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "tax_document_counter" ("id" text not null, "series" text not null, "last_sequence" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tax_document_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_document_counter_deleted_at" ON "tax_document_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_document_counter_series_unique" ON "tax_document_counter" ("series") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tax_document" cascade;`);

    this.addSql(`drop table if exists "tax_document_counter" cascade;`);
  }

}
