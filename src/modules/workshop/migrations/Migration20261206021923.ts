import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206021923 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "job_card" add column if not exists "photos" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "job_card" drop column if exists "photos";`);
  }

}
