import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204053624 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sales_fact" add column if not exists "bill" integer not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "sales_fact" drop column if exists "bill";`);
  }

}
