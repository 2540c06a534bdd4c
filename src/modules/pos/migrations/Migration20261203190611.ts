import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203190611 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pos_tender" drop constraint if exists "pos_tender_kind_check";`);

    this.addSql(`alter table if exists "pos_tender" add constraint "pos_tender_kind_check" check("kind" in ('cash', 'card', 'upi', 'razorpay_link', 'old_gold', 'scheme', 'points'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "pos_tender" drop constraint if exists "pos_tender_kind_check";`);

    this.addSql(`alter table if exists "pos_tender" add constraint "pos_tender_kind_check" check("kind" in ('cash', 'card', 'upi', 'razorpay_link', 'old_gold', 'points'));`);
  }

}
