import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205232135 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "job_card_counter" drop constraint if exists "job_card_counter_series_unique";`);
    this.addSql(`alter table if exists "job_card" drop constraint if exists "job_card_idempotency_key_unique";`);
    this.addSql(`alter table if exists "job_card" drop constraint if exists "job_card_number_unique";`);
    this.addSql(`create table if not exists "job_card" ("id" text not null, "number" text not null, "series" text not null, "sequence" integer not null, "branch_id" text not null, "customer_id" text not null, "kind" text check ("kind" in ('repair', 'custom_order')) not null, "article" text not null, "work" text not null, "gross_weight_in_mg" integer not null default 0, "net_weight_in_mg" integer not null default 0, "customer_material" text null, "adds_material" boolean not null default false, "allowed_loss_bps" integer not null, "estimate_paise" numeric null, "due_at" timestamptz not null, "karigar_name" text null, "status" text check ("status" in ('received', 'with_karigar', 'ready', 'delivered', 'cancelled')) not null default 'received', "gross_weight_out_mg" integer null, "net_weight_out_mg" integer null, "received_by" text null, "received_at" timestamptz not null, "sent_at" timestamptz null, "ready_at" timestamptz null, "delivered_at" timestamptz null, "delivered_by" text null, "cancelled_at" timestamptz null, "note" text null, "idempotency_key" text null, "raw_estimate_paise" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "job_card_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_job_card_deleted_at" ON "job_card" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_job_card_number_unique" ON "job_card" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_job_card_branch_id_status_due_at" ON "job_card" ("branch_id", "status", "due_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_job_card_customer_id" ON "job_card" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_job_card_idempotency_key_unique" ON "job_card" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "job_card_counter" ("id" text not null, "series" text not null, "last_sequence" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "job_card_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_job_card_counter_deleted_at" ON "job_card_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_job_card_counter_series_unique" ON "job_card_counter" ("series") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "job_card" cascade;`);

    this.addSql(`drop table if exists "job_card_counter" cascade;`);
  }

}
