import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205030210 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "metal_rate" drop constraint if exists "metal_rate_idempotency_key_metal_purity_unique";`);
    this.addSql(`alter table if exists "metal_rate" drop constraint if exists "metal_rate_idempotency_key_metal_purity_branch_id_unique";`);
    this.addSql(`alter table if exists "metal_rate" add column if not exists "idempotency_key" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_metal_rate_idempotency_key_metal_purity_branch_id_unique" ON "metal_rate" ("idempotency_key", "metal", "purity", "branch_id") WHERE idempotency_key IS NOT NULL AND branch_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_metal_rate_idempotency_key_metal_purity_unique" ON "metal_rate" ("idempotency_key", "metal", "purity") WHERE idempotency_key IS NOT NULL AND branch_id IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_metal_rate_idempotency_key_metal_purity_branch_id_unique";`);
    this.addSql(`drop index if exists "IDX_metal_rate_idempotency_key_metal_purity_unique";`);
    this.addSql(`alter table if exists "metal_rate" drop column if exists "idempotency_key";`);
  }

}
