import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203191852 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pos_sale" add column if not exists "identity" text check ("identity" in ('not_needed', 'pan', 'form_60')) not null default 'not_needed', add column if not exists "pan_masked" text null, add column if not exists "pan_encrypted" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "pos_sale" drop column if exists "identity", drop column if exists "pan_masked", drop column if exists "pan_encrypted";`);
  }

}
