import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205002537 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "message" drop constraint if exists "message_channel_check";`);

    this.addSql(`alter table if exists "message_template" drop constraint if exists "message_template_channel_check";`);

    this.addSql(`alter table if exists "message" add column if not exists "subject" text null;`);
    this.addSql(`alter table if exists "message" add constraint "message_channel_check" check("channel" in ('sms', 'whatsapp', 'email'));`);

    this.addSql(`alter table if exists "message_template" add constraint "message_template_channel_check" check("channel" in ('sms', 'whatsapp', 'email'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "message" drop constraint if exists "message_channel_check";`);

    this.addSql(`alter table if exists "message_template" drop constraint if exists "message_template_channel_check";`);

    this.addSql(`alter table if exists "message" drop column if exists "subject";`);

    this.addSql(`alter table if exists "message" add constraint "message_channel_check" check("channel" in ('sms', 'whatsapp'));`);

    this.addSql(`alter table if exists "message_template" add constraint "message_template_channel_check" check("channel" in ('sms', 'whatsapp'));`);
  }

}
