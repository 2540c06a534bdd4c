import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205223652 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "approval_memo_line" drop constraint if exists "approval_memo_line_memo_id_tag_code_unique";`);
    this.addSql(`alter table if exists "approval_memo_counter" drop constraint if exists "approval_memo_counter_series_unique";`);
    this.addSql(`alter table if exists "approval_memo" drop constraint if exists "approval_memo_idempotency_key_unique";`);
    this.addSql(`alter table if exists "approval_memo" drop constraint if exists "approval_memo_number_unique";`);
    this.addSql(`create table if not exists "approval_memo" ("id" text not null, "number" text not null, "series" text not null, "sequence" integer not null, "branch_id" text not null, "location_id" text not null, "customer_id" text not null, "status" text check ("status" in ('open', 'closed')) not null default 'open', "due_at" timestamptz not null, "note" text null, "issued_by" text null, "issued_at" timestamptz not null, "closed_at" timestamptz null, "follow_up_task_id" text null, "idempotency_key" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "approval_memo_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_approval_memo_deleted_at" ON "approval_memo" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_approval_memo_number_unique" ON "approval_memo" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_approval_memo_branch_id_status_due_at" ON "approval_memo" ("branch_id", "status", "due_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_approval_memo_customer_id_status" ON "approval_memo" ("customer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_approval_memo_idempotency_key_unique" ON "approval_memo" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "approval_memo_counter" ("id" text not null, "series" text not null, "last_sequence" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "approval_memo_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_approval_memo_counter_deleted_at" ON "approval_memo_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_approval_memo_counter_series_unique" ON "approval_memo_counter" ("series") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "approval_memo_line" ("id" text not null, "memo_id" text not null, "tag_code" text not null, "variant_id" text not null, "inventory_item_id" text not null, "description" text null, "hsn" text null, "huid" text null, "net_weight_mg" integer null, "quantity" integer not null default 1, "value_paise" numeric null, "state" text check ("state" in ('out', 'returned', 'sold')) not null default 'out', "settled_at" timestamptz null, "settled_by" text null, "sale_key" text null, "order_id" text null, "raw_value_paise" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "approval_memo_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_approval_memo_line_memo_id" ON "approval_memo_line" ("memo_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_approval_memo_line_deleted_at" ON "approval_memo_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_approval_memo_line_memo_id_tag_code_unique" ON "approval_memo_line" ("memo_id", "tag_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_approval_memo_line_variant_id_state" ON "approval_memo_line" ("variant_id", "state") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "approval_memo_line" add constraint "approval_memo_line_memo_id_foreign" foreign key ("memo_id") references "approval_memo" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "approval_memo_line" drop constraint if exists "approval_memo_line_memo_id_foreign";`);

    this.addSql(`drop table if exists "approval_memo" cascade;`);

    this.addSql(`drop table if exists "approval_memo_counter" cascade;`);

    this.addSql(`drop table if exists "approval_memo_line" cascade;`);
  }

}
