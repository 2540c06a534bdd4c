import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125141930 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_profile" drop constraint if exists "customer_profile_phone_unique";`);
    this.addSql(`create table if not exists "customer_profile" ("id" text not null, "phone" text null, "alternate_phone" text null, "birthday" timestamptz null, "anniversary" timestamptz null, "ring_size" text null, "bangle_size" text null, "preferred_metals" text[] not null default '{}', "preferred_purities" text[] not null default '{}', "preferred_categories" text[] not null default '{}', "budget_band" text check ("budget_band" in ('under_25k', 'from_25k_to_1l', 'from_1l_to_5l', 'above_5l')) null, "tags" text[] not null default '{}', "home_branch_id" text null, "assigned_user_id" text null, "source" text null, "referred_by_customer_id" text null, "consents" jsonb null, "pan_encrypted" text null, "pan_masked" text null, "notes" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_deleted_at" ON "customer_profile" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_profile_phone_unique" ON "customer_profile" ("phone") WHERE phone IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_alternate_phone" ON "customer_profile" ("alternate_phone") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_home_branch_id" ON "customer_profile" ("home_branch_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_assigned_user_id" ON "customer_profile" ("assigned_user_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "follow_up_task" ("id" text not null, "customer_id" text not null, "interaction_id" text null, "title" text not null, "due_at" timestamptz not null, "assignee_user_id" text null, "branch_id" text null, "status" text check ("status" in ('open', 'done', 'cancelled')) not null default 'open', "completion_note" text null, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "follow_up_task_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_follow_up_task_deleted_at" ON "follow_up_task" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_follow_up_task_status_due_at" ON "follow_up_task" ("status", "due_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_follow_up_task_assignee_user_id_status" ON "follow_up_task" ("assignee_user_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_follow_up_task_customer_id" ON "follow_up_task" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "interaction" ("id" text not null, "customer_id" text not null, "branch_id" text null, "user_id" text null, "channel" text check ("channel" in ('walk_in', 'call', 'whatsapp', 'sms', 'email', 'video', 'home_visit', 'online')) not null, "kind" text check ("kind" in ('enquiry', 'purchase', 'complaint', 'repair', 'follow_up', 'feedback')) not null, "summary" text not null, "products_of_interest" text[] not null default '{}', "outcome" text null, "follow_up_at" timestamptz null, "order_id" text null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "interaction_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_interaction_deleted_at" ON "interaction" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_interaction_customer_id_occurred_at" ON "interaction" ("customer_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_interaction_branch_id" ON "interaction" ("branch_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_interaction_order_id" ON "interaction" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_profile" cascade;`);

    this.addSql(`drop table if exists "follow_up_task" cascade;`);

    this.addSql(`drop table if exists "interaction" cascade;`);
  }

}
