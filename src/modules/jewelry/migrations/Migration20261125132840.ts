import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125132840 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "reprice_job" add column if not exists "scope" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "reprice_job" drop column if exists "scope";`);
  }

}
