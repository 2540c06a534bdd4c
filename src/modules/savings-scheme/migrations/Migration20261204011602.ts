import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204011602 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "scheme_payment_link" drop constraint if exists "scheme_payment_link_razorpay_payment_link_id_unique";`);
    this.addSql(`create table if not exists "scheme_payment_link" ("id" text not null, "enrolment_id" text not null, "customer_id" text not null, "branch_id" text not null, "sequence" integer not null, "amount_paise" numeric not null, "razorpay_payment_link_id" text not null, "short_url" text not null, "status" text check ("status" in ('created', 'paid', 'unapplied', 'cancelled', 'expired')) not null default 'created', "instalment_id" text null, "razorpay_payment_id" text null, "problem" text null, "paid_at" timestamptz null, "channel" text check ("channel" in ('sms', 'whatsapp')) null, "requested_by" text check ("requested_by" in ('staff', 'customer')) not null, "user_id" text null, "raw_amount_paise" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "scheme_payment_link_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_scheme_payment_link_deleted_at" ON "scheme_payment_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_scheme_payment_link_razorpay_payment_link_id_unique" ON "scheme_payment_link" ("razorpay_payment_link_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_scheme_payment_link_enrolment_id_status" ON "scheme_payment_link" ("enrolment_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "scheme_instalment" drop constraint if exists "scheme_instalment_tender_check";`);

    this.addSql(`alter table if exists "scheme_instalment" add constraint "scheme_instalment_tender_check" check("tender" in ('cash', 'card', 'upi', 'razorpay'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "scheme_payment_link" cascade;`);

    this.addSql(`alter table if exists "scheme_instalment" drop constraint if exists "scheme_instalment_tender_check";`);

    this.addSql(`alter table if exists "scheme_instalment" add constraint "scheme_instalment_tender_check" check("tender" in ('cash', 'card', 'upi'));`);
  }

}
