import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206114448 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_tax_document_issued_at";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_document_issued_at_id" ON "tax_document" ("issued_at", "id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_tax_document_issued_at_id";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_document_issued_at" ON "tax_document" ("issued_at") WHERE deleted_at IS NULL;`);
  }

}
