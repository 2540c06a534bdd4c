import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206052359 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "karigar_receipt" add column if not exists "to_old_gold_stock" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "karigar_receipt" drop column if exists "to_old_gold_stock";`);
  }

}
