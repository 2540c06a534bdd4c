import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205004034 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "tax_document" drop constraint if exists "tax_document_file_status_check";`);

    this.addSql(`alter table if exists "tax_document" add constraint "tax_document_file_status_check" check("file_status" in ('pending', 'stored', 'failed', 'on_request'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "tax_document" drop constraint if exists "tax_document_file_status_check";`);

    this.addSql(`alter table if exists "tax_document" add constraint "tax_document_file_status_check" check("file_status" in ('pending', 'stored', 'failed'));`);
  }

}
