import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125182309 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "message_template" drop constraint if exists "message_template_event_channel_language_unique";`);
    this.addSql(`alter table if exists "message" drop constraint if exists "message_provider_message_id_unique";`);
    this.addSql(`alter table if exists "message" drop constraint if exists "message_idempotency_key_unique";`);
    this.addSql(`create table if not exists "message" ("id" text not null, "customer_id" text null, "user_id" text null, "to" text null, "channel" text check ("channel" in ('sms', 'whatsapp')) not null, "event" text not null, "kind" text check ("kind" in ('transactional', 'promotional')) not null, "language" text not null default 'en', "body" text not null, "content_sid" text null, "variables" jsonb null, "status" text check ("status" in ('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'not_sent')) not null default 'queued', "reason" text null, "error_code" text null, "provider" text null, "provider_message_id" text null, "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "sent_at" timestamptz null, "delivered_at" timestamptz null, "idempotency_key" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_message_deleted_at" ON "message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_message_idempotency_key_unique" ON "message" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_message_provider_message_id_unique" ON "message" ("provider_message_id") WHERE provider_message_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_message_status_next_attempt_at" ON "message" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_message_customer_id_created_at" ON "message" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_message_event_created_at" ON "message" ("event", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "message_template" ("id" text not null, "event" text not null, "channel" text check ("channel" in ('sms', 'whatsapp')) not null, "language" text not null, "body" text not null, "content_sid" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "message_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_message_template_deleted_at" ON "message_template" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_message_template_event_channel_language_unique" ON "message_template" ("event", "channel", "language") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "message" cascade;`);

    this.addSql(`drop table if exists "message_template" cascade;`);
  }

}
