import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201212045 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pos_sale" drop constraint if exists "pos_sale_idempotency_key_unique";`);
    this.addSql(`alter table if exists "payment_webhook_event" drop constraint if exists "payment_webhook_event_provider_event_id_unique";`);
    this.addSql(`alter table if exists "payment_link" drop constraint if exists "payment_link_payment_session_id_unique";`);
    this.addSql(`alter table if exists "payment_link" drop constraint if exists "payment_link_razorpay_payment_link_id_unique";`);
    this.addSql(`create table if not exists "payment_link" ("id" text not null, "order_id" text not null, "customer_id" text null, "payment_collection_id" text not null, "payment_session_id" text not null, "razorpay_payment_link_id" text not null, "short_url" text not null, "amount_paise" numeric not null, "status" text check ("status" in ('created', 'paid', 'cancelled', 'expired')) not null default 'created', "expires_at" timestamptz null, "paid_at" timestamptz null, "channel" text check ("channel" in ('sms', 'whatsapp')) null, "message_id" text null, "sale_id" text null, "user_id" text null, "raw_amount_paise" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_link_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_link_deleted_at" ON "payment_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_link_razorpay_payment_link_id_unique" ON "payment_link" ("razorpay_payment_link_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_link_payment_session_id_unique" ON "payment_link" ("payment_session_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_link_order_id_status" ON "payment_link" ("order_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payment_webhook_event" ("id" text not null, "provider" text not null, "event_id" text not null, "event" text not null, "provider_payment_id" text null, "provider_order_id" text null, "provider_refund_id" text null, "payment_session_id" text null, "amount_paise" numeric null, "currency_code" text null, "reason" text null, "occurred_at" timestamptz not null, "processed_at" timestamptz null, "result" text null, "raw_amount_paise" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_webhook_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_webhook_event_deleted_at" ON "payment_webhook_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_webhook_event_provider_event_id_unique" ON "payment_webhook_event" ("provider", "event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_webhook_event_event_occurred_at" ON "payment_webhook_event" ("event", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_webhook_event_provider_payment_id" ON "payment_webhook_event" ("provider_payment_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pos_sale" ("id" text not null, "idempotency_key" text not null, "fingerprint" text not null, "status" text check ("status" in ('processing', 'completed')) not null default 'processing', "branch_id" text not null, "customer_id" text not null, "user_id" text null, "order_id" text null, "total_paise" numeric not null default 0, "points" integer not null default 0, "points_paise" numeric not null default 0, "cash_tendered_paise" numeric not null default 0, "cash_kept_paise" numeric not null default 0, "change_paise" numeric not null default 0, "pending_paise" numeric not null default 0, "note" text null, "completed_at" timestamptz null, "raw_total_paise" jsonb not null default '{"value":"0","precision":20}', "raw_points_paise" jsonb not null default '{"value":"0","precision":20}', "raw_cash_tendered_paise" jsonb not null default '{"value":"0","precision":20}', "raw_cash_kept_paise" jsonb not null default '{"value":"0","precision":20}', "raw_change_paise" jsonb not null default '{"value":"0","precision":20}', "raw_pending_paise" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_sale_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_sale_deleted_at" ON "pos_sale" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pos_sale_idempotency_key_unique" ON "pos_sale" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_sale_branch_id_created_at" ON "pos_sale" ("branch_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_sale_customer_id_created_at" ON "pos_sale" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pos_tender" ("id" text not null, "kind" text check ("kind" in ('cash', 'card', 'upi', 'razorpay_link', 'old_gold', 'points')) not null, "amount_paise" numeric not null, "tendered_paise" numeric not null, "reference" text null, "status" text check ("status" in ('captured', 'pending')) not null default 'captured', "branch_id" text not null, "customer_id" text not null, "order_id" text null, "payment_session_id" text null, "payment_id" text null, "sale_id" text not null, "raw_amount_paise" jsonb not null, "raw_tendered_paise" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_tender_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_tender_sale_id" ON "pos_tender" ("sale_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_tender_deleted_at" ON "pos_tender" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_tender_customer_id_kind_created_at" ON "pos_tender" ("customer_id", "kind", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_tender_branch_id_created_at" ON "pos_tender" ("branch_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "pos_tender" add constraint "pos_tender_sale_id_foreign" foreign key ("sale_id") references "pos_sale" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "pos_tender" drop constraint if exists "pos_tender_sale_id_foreign";`);

    this.addSql(`drop table if exists "payment_link" cascade;`);

    this.addSql(`drop table if exists "payment_webhook_event" cascade;`);

    this.addSql(`drop table if exists "pos_sale" cascade;`);

    this.addSql(`drop table if exists "pos_tender" cascade;`);
  }

}
