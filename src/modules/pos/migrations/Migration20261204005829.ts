import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204005829 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pos_price_limit" add column if not exists "rate_change" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "pos_price_limit" drop column if exists "rate_change";`);
  }

}
