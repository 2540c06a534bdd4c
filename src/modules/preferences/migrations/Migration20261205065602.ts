import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205065602 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_recommendation" ("id" text not null, "model_id" text not null, "customer_id" text not null, "rank" integer not null, "design_id" text not null, "title" text not null, "score" real not null, "reason" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_recommendation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_recommendation_deleted_at" ON "customer_recommendation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_recommendation_customer_id_model_id_rank" ON "customer_recommendation" ("customer_id", "model_id", "rank") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_recommendation_model_id" ON "customer_recommendation" ("model_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "preference_model" ("id" text not null, "status" text check ("status" in ('training', 'current', 'previous', 'retired')) not null, "trained_at" timestamptz not null, "duration_ms" integer not null, "customers" integer not null, "designs" integer not null, "interactions" integer not null, "parameters" jsonb not null, "evaluation" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "preference_model_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preference_model_deleted_at" ON "preference_model" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_preference_model_status" ON "preference_model" ("status") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_recommendation" cascade;`);

    this.addSql(`drop table if exists "preference_model" cascade;`);
  }

}
