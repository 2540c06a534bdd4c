import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202014500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "audit_entry" ("id" text not null, "actor_type" text not null, "actor_id" text null, "ip" text null, "user_agent" text null, "action" text not null, "entity" text not null, "entity_id" text not null, "branch_id" text null, "changes" jsonb null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_deleted_at" ON "audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_entity_entity_id" ON "audit_entry" ("entity", "entity_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_actor_id" ON "audit_entry" ("actor_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_created_at" ON "audit_entry" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_action" ON "audit_entry" ("action") WHERE deleted_at IS NULL;`);

    // Append-only: every UPDATE or DELETE of a row is refused by the database itself
    // (soft deletes included, since they are updates), whatever code path asks.
    this.addSql(`create or replace function "audit_entry_refuse_change"() returns trigger language plpgsql as $$
begin
  raise exception 'audit_entry is append-only: % refused', tg_op;
end;
$$;`);
    this.addSql(`drop trigger if exists "audit_entry_append_only" on "audit_entry";`);
    this.addSql(`create trigger "audit_entry_append_only" before update or delete on "audit_entry" for each row execute function "audit_entry_refuse_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop function if exists "audit_entry_refuse_change"();`);
  }

}
