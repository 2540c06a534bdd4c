import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206073427 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "jewelry_attributes" add column if not exists "stock_unit" text check ("stock_unit" in ('piece', 'count')) not null default 'piece';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "jewelry_attributes" drop column if exists "stock_unit";`);
  }

}
