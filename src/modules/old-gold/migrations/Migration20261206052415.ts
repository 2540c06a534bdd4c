import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206052415 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "old_gold_movement" drop constraint if exists "old_gold_movement_kind_check";`);

    this.addSql(`alter table if exists "old_gold_movement" add constraint "old_gold_movement_kind_check" check("kind" in ('purchase', 'to_refinery', 'to_karigar', 'melted', 'scrap_sale', 'adjustment', 'from_karigar'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "old_gold_movement" drop constraint if exists "old_gold_movement_kind_check";`);

    this.addSql(`alter table if exists "old_gold_movement" add constraint "old_gold_movement_kind_check" check("kind" in ('purchase', 'to_refinery', 'to_karigar', 'melted', 'scrap_sale', 'adjustment'));`);
  }

}
