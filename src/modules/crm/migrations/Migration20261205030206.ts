import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205030206 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "interaction" drop constraint if exists "interaction_idempotency_key_unique";`);
    this.addSql(`alter table if exists "interaction" add column if not exists "idempotency_key" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_interaction_idempotency_key_unique" ON "interaction" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_interaction_idempotency_key_unique";`);
    this.addSql(`alter table if exists "interaction" drop column if exists "idempotency_key";`);
  }

}
