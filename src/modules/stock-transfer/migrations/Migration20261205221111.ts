import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205221111 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "stock_transfer_line" drop constraint if exists "stock_transfer_line_transfer_id_tag_code_unique";`);
    this.addSql(`alter table if exists "stock_transfer_counter" drop constraint if exists "stock_transfer_counter_series_unique";`);
    this.addSql(`alter table if exists "stock_transfer" drop constraint if exists "stock_transfer_number_unique";`);
    this.addSql(`create table if not exists "stock_transfer" ("id" text not null, "number" text not null, "series" text not null, "sequence" integer not null, "from_branch_id" text not null, "to_branch_id" text not null, "from_location_id" text not null, "to_location_id" text not null, "status" text check ("status" in ('in_transit', 'received', 'cancelled')) not null default 'in_transit', "carrier" text null, "note" text null, "dispatched_by" text null, "dispatched_at" timestamptz not null, "received_by" text null, "received_at" timestamptz null, "cancelled_by" text null, "cancelled_at" timestamptz null, "summary" jsonb null, "idempotency_key" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_transfer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_transfer_deleted_at" ON "stock_transfer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_transfer_number_unique" ON "stock_transfer" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_transfer_from_branch_id_status" ON "stock_transfer" ("from_branch_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_transfer_to_branch_id_status" ON "stock_transfer" ("to_branch_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_transfer_dispatched_at" ON "stock_transfer" ("dispatched_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_transfer_idempotency_key_unique" ON "stock_transfer" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_transfer_counter" ("id" text not null, "series" text not null, "last_sequence" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_transfer_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_transfer_counter_deleted_at" ON "stock_transfer_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_transfer_counter_series_unique" ON "stock_transfer_counter" ("series") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_transfer_line" ("id" text not null, "transfer_id" text not null, "tag_code" text not null, "variant_id" text null, "inventory_item_id" text null, "description" text null, "hsn" text null, "huid" text null, "net_weight_mg" integer null, "quantity" integer not null default 1, "value_paise" numeric null, "result" text check ("result" in ('in_transit', 'received', 'short', 'extra')) not null, "scanned_at" timestamptz null, "scanned_by" text null, "raw_value_paise" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_transfer_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_transfer_line_transfer_id" ON "stock_transfer_line" ("transfer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_transfer_line_deleted_at" ON "stock_transfer_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_transfer_line_transfer_id_tag_code_unique" ON "stock_transfer_line" ("transfer_id", "tag_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_transfer_line_inventory_item_id_result" ON "stock_transfer_line" ("inventory_item_id", "result") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "stock_transfer_line" add constraint "stock_transfer_line_transfer_id_foreign" foreign key ("transfer_id") references "stock_transfer" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "stock_transfer_line" drop constraint if exists "stock_transfer_line_transfer_id_foreign";`);

    this.addSql(`drop table if exists "stock_transfer" cascade;`);

    this.addSql(`drop table if exists "stock_transfer_counter" cascade;`);

    this.addSql(`drop table if exists "stock_transfer_line" cascade;`);
  }

}
