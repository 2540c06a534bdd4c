import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205190500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "tax_document" drop constraint if exists "tax_document_exchange_id_unique";`);
    this.addSql(`alter table if exists "tax_document" add column if not exists "exchange_id" text null;`);
    // An order keeps one invoice of its own; the invoices of its exchanges are beside it (the generator does not see a changed WHERE).
    this.addSql(`drop index if exists "IDX_tax_document_order_id_unique";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_document_order_id_unique" ON "tax_document" ("order_id") WHERE type = 'invoice' AND exchange_id IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_document_exchange_id_unique" ON "tax_document" ("exchange_id") WHERE exchange_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_tax_document_exchange_id_unique";`);
    this.addSql(`drop index if exists "IDX_tax_document_order_id_unique";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_document_order_id_unique" ON "tax_document" ("order_id") WHERE type = 'invoice' AND deleted_at IS NULL;`);
    this.addSql(`alter table if exists "tax_document" drop column if exists "exchange_id";`);
  }

}
