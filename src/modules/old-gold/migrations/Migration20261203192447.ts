import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203192447 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "old_gold_movement" drop constraint if exists "old_gold_movement_idempotency_key_unique";`);
    this.addSql(`alter table if exists "old_gold_movement" add column if not exists "idempotency_key" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_old_gold_movement_idempotency_key_unique" ON "old_gold_movement" ("idempotency_key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_old_gold_movement_idempotency_key_unique";`);
    this.addSql(`alter table if exists "old_gold_movement" drop column if exists "idempotency_key";`);
  }

}
