import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207084625 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_offer_run_id_status";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_run_id_status_id" ON "offer" ("run_id", "status", "id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_offer_run_id_status_id";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offer_run_id_status" ON "offer" ("run_id", "status") WHERE deleted_at IS NULL;`);
  }

}
