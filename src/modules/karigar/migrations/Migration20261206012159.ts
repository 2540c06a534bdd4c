import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206012159 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "karigar_receipt" drop constraint if exists "karigar_receipt_idempotency_key_unique";`);
    this.addSql(`alter table if exists "karigar_issue_counter" drop constraint if exists "karigar_issue_counter_series_unique";`);
    this.addSql(`alter table if exists "karigar_issue" drop constraint if exists "karigar_issue_idempotency_key_unique";`);
    this.addSql(`alter table if exists "karigar_issue" drop constraint if exists "karigar_issue_number_unique";`);
    this.addSql(`create table if not exists "karigar" ("id" text not null, "name" text not null, "phone" text null, "address" text null, "gstin" text null, "wastage_bps" integer not null, "active" boolean not null default true, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "karigar_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_karigar_deleted_at" ON "karigar" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_karigar_name" ON "karigar" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "karigar_issue" ("id" text not null, "number" text not null, "series" text not null, "sequence" integer not null, "branch_id" text not null, "karigar_id" text not null, "job_card_id" text null, "metal" text check ("metal" in ('gold', 'silver', 'platinum')) not null, "form" text check ("form" in ('metal', 'pieces')) not null, "description" text not null, "purity" integer not null, "gross_weight_mg" integer not null, "net_weight_mg" integer not null, "fine_weight_mg" integer not null, "allowed_wastage_bps" integer not null, "from_old_gold_stock" boolean not null default false, "value_paise" numeric null, "due_at" timestamptz null, "status" text check ("status" in ('open', 'settled')) not null default 'open', "received_fine_mg" integer not null default 0, "wastage_fine_mg" integer not null default 0, "issued_by" text null, "issued_at" timestamptz not null, "settled_at" timestamptz null, "note" text null, "idempotency_key" text null, "raw_value_paise" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "karigar_issue_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_karigar_issue_deleted_at" ON "karigar_issue" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_karigar_issue_number_unique" ON "karigar_issue" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_karigar_issue_karigar_id_status" ON "karigar_issue" ("karigar_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_karigar_issue_branch_id_status" ON "karigar_issue" ("branch_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_karigar_issue_job_card_id" ON "karigar_issue" ("job_card_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_karigar_issue_idempotency_key_unique" ON "karigar_issue" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "karigar_issue_counter" ("id" text not null, "series" text not null, "last_sequence" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "karigar_issue_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_karigar_issue_counter_deleted_at" ON "karigar_issue_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_karigar_issue_counter_series_unique" ON "karigar_issue_counter" ("series") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "karigar_receipt" ("id" text not null, "issue_id" text not null, "karigar_id" text not null, "branch_id" text not null, "form" text check ("form" in ('pieces', 'metal')) not null, "description" text not null, "purity" integer not null, "gross_weight_mg" integer not null, "net_weight_mg" integer not null, "fine_weight_mg" integer not null, "wastage_fine_mg" integer not null default 0, "received_by" text null, "received_at" timestamptz not null, "idempotency_key" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "karigar_receipt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_karigar_receipt_deleted_at" ON "karigar_receipt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_karigar_receipt_issue_id" ON "karigar_receipt" ("issue_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_karigar_receipt_karigar_id" ON "karigar_receipt" ("karigar_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_karigar_receipt_idempotency_key_unique" ON "karigar_receipt" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "karigar" cascade;`);

    this.addSql(`drop table if exists "karigar_issue" cascade;`);

    this.addSql(`drop table if exists "karigar_issue_counter" cascade;`);

    this.addSql(`drop table if exists "karigar_receipt" cascade;`);
  }

}
