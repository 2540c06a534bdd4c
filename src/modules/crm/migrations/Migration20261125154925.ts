import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125154925 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_stats" add column if not exists "recent_orders" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_stats" drop column if exists "recent_orders";`);
  }

}
