import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205033649 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "stock_audit_line" drop constraint if exists "stock_audit_line_audit_id_tag_code_unique";`);
    this.addSql(`create table if not exists "stock_audit" ("id" text not null, "branch_id" text not null, "stock_location_id" text not null, "category_id" text null, "status" text check ("status" in ('open', 'closed', 'posted', 'cancelled')) not null default 'open', "note" text null, "opened_by" text null, "opened_at" timestamptz not null, "closed_by" text null, "closed_at" timestamptz null, "posted_by" text null, "posted_at" timestamptz null, "cancelled_by" text null, "cancelled_at" timestamptz null, "expected_tags" integer not null default 0, "expected_quantity" integer not null default 0, "summary" jsonb null, "adjustments" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_audit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_audit_deleted_at" ON "stock_audit" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_audit_branch_id_status" ON "stock_audit" ("branch_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_audit_status_opened_at" ON "stock_audit" ("status", "opened_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_audit_line" ("id" text not null, "audit_id" text not null, "tag_code" text not null, "variant_id" text null, "inventory_item_id" text null, "expected_quantity" integer not null default 0, "counted_quantity" integer not null default 0, "scan_result" text check ("scan_result" in ('expected', 'extra', 'misplaced', 'unknown')) null, "result" text check ("result" in ('found', 'missing', 'extra', 'misplaced', 'unknown')) not null, "found_at_branch_id" text null, "found_at_location_id" text null, "scanned_at" timestamptz null, "scanned_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_audit_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_audit_line_audit_id" ON "stock_audit_line" ("audit_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_audit_line_deleted_at" ON "stock_audit_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_audit_line_audit_id_tag_code_unique" ON "stock_audit_line" ("audit_id", "tag_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_audit_line_audit_id_result" ON "stock_audit_line" ("audit_id", "result") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "stock_audit_line" add constraint "stock_audit_line_audit_id_foreign" foreign key ("audit_id") references "stock_audit" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "stock_audit_line" drop constraint if exists "stock_audit_line_audit_id_foreign";`);

    this.addSql(`drop table if exists "stock_audit" cascade;`);

    this.addSql(`drop table if exists "stock_audit_line" cascade;`);
  }

}
