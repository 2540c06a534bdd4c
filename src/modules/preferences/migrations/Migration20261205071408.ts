import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205071408 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_affinity" ("id" text not null, "model_id" text not null, "customer_id" text not null, "attribute" text check ("attribute" in ('category', 'metal', 'purity', 'price_band')) not null, "value" text not null, "share" real not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_affinity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_affinity_deleted_at" ON "customer_affinity" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_affinity_model_id_attribute_value_share" ON "customer_affinity" ("model_id", "attribute", "value", "share") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_affinity_customer_id" ON "customer_affinity" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_affinity" cascade;`);
  }

}
