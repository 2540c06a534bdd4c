import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206052431 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "job_card" add column if not exists "karigar_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "job_card" drop column if exists "karigar_id";`);
  }

}
