import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125174832 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "cart_redemption" drop constraint if exists "cart_redemption_cart_id_unique";`);
    this.addSql(`create table if not exists "cart_redemption" ("id" text not null, "cart_id" text not null, "customer_id" text not null, "points" integer not null, "value_paise" integer not null, "promotion_id" text not null, "promotion_code" text not null, "status" text check ("status" in ('applied', 'deducted', 'placed', 'released')) not null default 'applied', "attempt" integer not null default 0, "entry_id" text null, "order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cart_redemption_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_redemption_deleted_at" ON "cart_redemption" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cart_redemption_cart_id_unique" ON "cart_redemption" ("cart_id") WHERE status in ('applied', 'deducted') and deleted_at is null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_redemption_promotion_id" ON "cart_redemption" ("promotion_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_redemption_status_updated_at" ON "cart_redemption" ("status", "updated_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cart_redemption" cascade;`);
  }

}
