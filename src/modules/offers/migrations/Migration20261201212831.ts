import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201212831 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "offer_segment" drop constraint if exists "offer_segment_name_unique";`);
    this.addSql(`alter table if exists "offer" drop constraint if exists "offer_code_unique";`);
    this.addSql(`alter table if exists "offer" drop constraint if exists "offer_campaign_id_customer_id_occasion_unique";`);
    this.addSql(`alter table if exists "offer_campaign_run" drop constraint if exists "offer_campaign_run_campaign_id_occasion_unique";`);
    this.addSql(`alter table if exists "customer_facts" drop constraint if exists "customer_facts_customer_id_unique";`);
    this.addSql(`create table if not exists "customer_facts" ("id" text not null, "customer_id" text not null, "first_name" text null, "last_name" text null, "email" text null, "phone" text null, "birthday_md" text null, "anniversary_md" text null, "preferred_metals" text[] not null default '{}', "preferred_categories" text[] not null default '{}', "tags" text[] not null default '{}', "home_branch_id" text null, "consent_sms" boolean not null default false, "consent_whatsapp" boolean not null default false, "consent_email" boolean not null default false, "tier" text null, "lifetime_value" numeric not null default 0, "order_count" integer not null default 0, "last_order_at" timestamptz null, "recency_score" integer not null default 1, "frequency_score" integer not null default 1, "monetary_score" integer not null default 1, "raw_lifetime_value" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_facts_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_facts_deleted_at" ON "customer_facts" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_facts_customer_id_unique" ON "customer_facts" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_facts_lifetime_value_customer_id" ON "customer_facts" ("lifetime_value", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_facts_last_order_at" ON "customer_facts" ("last_order_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_facts_birthday_md" ON "customer_facts" ("birthday_md") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_facts_anniversary_md" ON "customer_facts" ("anniversary_md") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_facts_refresh" ("id" text not null, "rows" integer not null default 0, "took_ms" integer not null default 0, "finished_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_facts_refresh_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_facts_refresh_deleted_at" ON "customer_facts_refresh" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "offer_campaign" ("id" text not null, "name" text not null, "kind" text check ("kind" in ('manual', 'birthday', 'anniversary', 'winback', 'tier_upgrade')) not null default 'manual', "enabled" boolean not null default true, "segment_id" text null, "rules" jsonb null, "offer_type" text check ("offer_type" in ('percentage', 'fixed', 'making_percentage')) not null, "offer_value" integer not null, "max_discount" integer null, "min_order" integer null, "budget" integer null, "starts_at" timestamptz null, "ends_at" timestamptz null, "valid_days" integer null, "settings" jsonb null, "channel" text check ("channel" in ('auto', 'sms', 'whatsapp', 'none')) not null default 'auto', "message" text null, "branch_id" text null, "status" text check ("status" in ('draft', 'scheduled', 'running', 'finished', 'cancelled')) not null default 'draft', "run_at" timestamptz null, "promotion_campaign_id" text null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "offer_campaign_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_campaign_deleted_at" ON "offer_campaign" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_campaign_kind" ON "offer_campaign" ("kind") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_campaign_status" ON "offer_campaign" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "offer_campaign_run" ("id" text not null, "campaign_id" text not null, "occasion" text not null, "terms" jsonb null, "status" text check ("status" in ('pending', 'running', 'succeeded', 'failed', 'cancelled')) not null default 'pending', "total" integer not null default 0, "processed" integer not null default 0, "issued" integer not null default 0, "messaged" integer not null default 0, "skipped" integer not null default 0, "error" text null, "started_at" timestamptz null, "heartbeat_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "offer_campaign_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_campaign_run_campaign_id" ON "offer_campaign_run" ("campaign_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_campaign_run_deleted_at" ON "offer_campaign_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_offer_campaign_run_campaign_id_occasion_unique" ON "offer_campaign_run" ("campaign_id", "occasion") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_campaign_run_status" ON "offer_campaign_run" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "offer" ("id" text not null, "campaign_id" text not null, "run_id" text not null, "customer_id" text not null, "occasion" text not null, "code" text not null, "status" text check ("status" in ('pending', 'issued', 'sent', 'redeemed', 'expired', 'cancelled')) not null default 'pending', "promotion_id" text null, "message_id" text null, "issued_at" timestamptz null, "expires_at" timestamptz null, "redeemed_at" timestamptz null, "redeemed_order_id" text null, "discount_total" numeric null, "order_total" numeric null, "raw_discount_total" jsonb null, "raw_order_total" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "offer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_campaign_id" ON "offer" ("campaign_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_run_id" ON "offer" ("run_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_deleted_at" ON "offer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_offer_campaign_id_customer_id_occasion_unique" ON "offer" ("campaign_id", "customer_id", "occasion") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_offer_code_unique" ON "offer" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_run_id_status" ON "offer" ("run_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_customer_id_status" ON "offer" ("customer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_promotion_id" ON "offer" ("promotion_id") WHERE promotion_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "offer_segment" ("id" text not null, "name" text not null, "description" text null, "rules" jsonb not null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "offer_segment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_segment_deleted_at" ON "offer_segment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_offer_segment_name_unique" ON "offer_segment" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "offer_campaign_run" add constraint "offer_campaign_run_campaign_id_foreign" foreign key ("campaign_id") references "offer_campaign" ("id") on update cascade;`);

    this.addSql(`alter table if exists "offer" add constraint "offer_campaign_id_foreign" foreign key ("campaign_id") references "offer_campaign" ("id") on update cascade;`);
    this.addSql(`alter table if exists "offer" add constraint "offer_run_id_foreign" foreign key ("run_id") references "offer_campaign_run" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "offer_campaign_run" drop constraint if exists "offer_campaign_run_campaign_id_foreign";`);

    this.addSql(`alter table if exists "offer" drop constraint if exists "offer_campaign_id_foreign";`);

    this.addSql(`alter table if exists "offer" drop constraint if exists "offer_run_id_foreign";`);

    this.addSql(`drop table if exists "customer_facts" cascade;`);

    this.addSql(`drop table if exists "customer_facts_refresh" cascade;`);

    this.addSql(`drop table if exists "offer_campaign" cascade;`);

    this.addSql(`drop table if exists "offer_campaign_run" cascade;`);

    this.addSql(`drop table if exists "offer" cascade;`);

    this.addSql(`drop table if exists "offer_segment" cascade;`);
  }

}
