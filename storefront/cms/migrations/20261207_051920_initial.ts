import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // The CMS's tables live in a schema of their own in the shop's database (payload.config.ts).
  await db.execute(sql`CREATE SCHEMA IF NOT EXISTS "payload"`)
  await db.execute(sql`
   CREATE TYPE "payload"."_locales" AS ENUM('en', 'hi');
  CREATE TYPE "payload"."enum_banners_status" AS ENUM('draft', 'published');
  CREATE TYPE "payload"."enum__banners_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "payload"."enum__banners_v_published_locale" AS ENUM('en', 'hi');
  CREATE TYPE "payload"."enum_lookbooks_status" AS ENUM('draft', 'published');
  CREATE TYPE "payload"."enum__lookbooks_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "payload"."enum__lookbooks_v_published_locale" AS ENUM('en', 'hi');
  CREATE TYPE "payload"."enum_guides_status" AS ENUM('draft', 'published');
  CREATE TYPE "payload"."enum__guides_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "payload"."enum__guides_v_published_locale" AS ENUM('en', 'hi');
  CREATE TYPE "payload"."enum_branch_pages_status" AS ENUM('draft', 'published');
  CREATE TYPE "payload"."enum__branch_pages_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "payload"."enum__branch_pages_v_published_locale" AS ENUM('en', 'hi');
  CREATE TYPE "payload"."enum_faqs_topic" AS ENUM('buying', 'hallmark', 'old-gold', 'schemes', 'delivery', 'care');
  CREATE TYPE "payload"."enum_faqs_status" AS ENUM('draft', 'published');
  CREATE TYPE "payload"."enum__faqs_v_version_topic" AS ENUM('buying', 'hallmark', 'old-gold', 'schemes', 'delivery', 'care');
  CREATE TYPE "payload"."enum__faqs_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "payload"."enum__faqs_v_published_locale" AS ENUM('en', 'hi');
  CREATE TYPE "payload"."enum_policies_status" AS ENUM('draft', 'published');
  CREATE TYPE "payload"."enum__policies_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "payload"."enum__policies_v_published_locale" AS ENUM('en', 'hi');
  CREATE TABLE "payload"."banners" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"image_id" integer,
  	"link" varchar,
  	"starts_on" timestamp(3) with time zone,
  	"ends_on" timestamp(3) with time zone,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "payload"."enum_banners_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "payload"."banners_locales" (
  	"title" varchar,
  	"text" varchar,
  	"link_label" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "payload"."_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload"."_banners_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_image_id" integer,
  	"version_link" varchar,
  	"version_starts_on" timestamp(3) with time zone,
  	"version_ends_on" timestamp(3) with time zone,
  	"version_order" numeric DEFAULT 0,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "payload"."enum__banners_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "payload"."enum__banners_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "payload"."_banners_v_locales" (
  	"version_title" varchar,
  	"version_text" varchar,
  	"version_link_label" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "payload"."_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload"."lookbooks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"cover_id" integer,
  	"shop_link" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "payload"."enum_lookbooks_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "payload"."lookbooks_locales" (
  	"title" varchar,
  	"summary" varchar,
  	"body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "payload"."_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload"."lookbooks_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "payload"."_lookbooks_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_cover_id" integer,
  	"version_shop_link" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "payload"."enum__lookbooks_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "payload"."enum__lookbooks_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "payload"."_lookbooks_v_locales" (
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "payload"."_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload"."_lookbooks_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "payload"."guides" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"published_on" timestamp(3) with time zone,
  	"cover_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "payload"."enum_guides_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "payload"."guides_locales" (
  	"title" varchar,
  	"summary" varchar,
  	"body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "payload"."_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload"."_guides_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_published_on" timestamp(3) with time zone,
  	"version_cover_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "payload"."enum__guides_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "payload"."enum__guides_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "payload"."_guides_v_locales" (
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "payload"."_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload"."branch_pages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar,
  	"phone" varchar,
  	"map_link" varchar,
  	"photo_id" integer,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "payload"."enum_branch_pages_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "payload"."branch_pages_locales" (
  	"name" varchar,
  	"address" varchar,
  	"hours" varchar,
  	"about" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "payload"."_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload"."_branch_pages_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_code" varchar,
  	"version_phone" varchar,
  	"version_map_link" varchar,
  	"version_photo_id" integer,
  	"version_order" numeric DEFAULT 0,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "payload"."enum__branch_pages_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "payload"."enum__branch_pages_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "payload"."_branch_pages_v_locales" (
  	"version_name" varchar,
  	"version_address" varchar,
  	"version_hours" varchar,
  	"version_about" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "payload"."_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload"."faqs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"topic" "payload"."enum_faqs_topic" DEFAULT 'buying',
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "payload"."enum_faqs_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "payload"."faqs_locales" (
  	"question" varchar,
  	"answer" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "payload"."_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload"."_faqs_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_topic" "payload"."enum__faqs_v_version_topic" DEFAULT 'buying',
  	"version_order" numeric DEFAULT 0,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "payload"."enum__faqs_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "payload"."enum__faqs_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "payload"."_faqs_v_locales" (
  	"version_question" varchar,
  	"version_answer" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "payload"."_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload"."policies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "payload"."enum_policies_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "payload"."policies_locales" (
  	"title" varchar,
  	"summary" varchar,
  	"body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "payload"."_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload"."_policies_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "payload"."enum__policies_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "payload"."enum__policies_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "payload"."_policies_v_locales" (
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "payload"."_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload"."media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_wide_url" varchar,
  	"sizes_wide_width" numeric,
  	"sizes_wide_height" numeric,
  	"sizes_wide_mime_type" varchar,
  	"sizes_wide_filesize" numeric,
  	"sizes_wide_filename" varchar
  );
  
  CREATE TABLE "payload"."media_locales" (
  	"alt" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "payload"."_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "payload"."users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "payload"."users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload"."payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload"."payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload"."payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"banners_id" integer,
  	"lookbooks_id" integer,
  	"guides_id" integer,
  	"branch_pages_id" integer,
  	"faqs_id" integer,
  	"policies_id" integer,
  	"media_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "payload"."payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload"."payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload"."payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload"."banners" ADD CONSTRAINT "banners_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."banners_locales" ADD CONSTRAINT "banners_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."banners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_banners_v" ADD CONSTRAINT "_banners_v_parent_id_banners_id_fk" FOREIGN KEY ("parent_id") REFERENCES "payload"."banners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_banners_v" ADD CONSTRAINT "_banners_v_version_image_id_media_id_fk" FOREIGN KEY ("version_image_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_banners_v_locales" ADD CONSTRAINT "_banners_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_banners_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."lookbooks" ADD CONSTRAINT "lookbooks_cover_id_media_id_fk" FOREIGN KEY ("cover_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."lookbooks_locales" ADD CONSTRAINT "lookbooks_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."lookbooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."lookbooks_rels" ADD CONSTRAINT "lookbooks_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "payload"."lookbooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."lookbooks_rels" ADD CONSTRAINT "lookbooks_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "payload"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_lookbooks_v" ADD CONSTRAINT "_lookbooks_v_parent_id_lookbooks_id_fk" FOREIGN KEY ("parent_id") REFERENCES "payload"."lookbooks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_lookbooks_v" ADD CONSTRAINT "_lookbooks_v_version_cover_id_media_id_fk" FOREIGN KEY ("version_cover_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_lookbooks_v_locales" ADD CONSTRAINT "_lookbooks_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_lookbooks_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_lookbooks_v_rels" ADD CONSTRAINT "_lookbooks_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "payload"."_lookbooks_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_lookbooks_v_rels" ADD CONSTRAINT "_lookbooks_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "payload"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."guides" ADD CONSTRAINT "guides_cover_id_media_id_fk" FOREIGN KEY ("cover_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."guides_locales" ADD CONSTRAINT "guides_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."guides"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_guides_v" ADD CONSTRAINT "_guides_v_parent_id_guides_id_fk" FOREIGN KEY ("parent_id") REFERENCES "payload"."guides"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_guides_v" ADD CONSTRAINT "_guides_v_version_cover_id_media_id_fk" FOREIGN KEY ("version_cover_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_guides_v_locales" ADD CONSTRAINT "_guides_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_guides_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."branch_pages" ADD CONSTRAINT "branch_pages_photo_id_media_id_fk" FOREIGN KEY ("photo_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."branch_pages_locales" ADD CONSTRAINT "branch_pages_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."branch_pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_branch_pages_v" ADD CONSTRAINT "_branch_pages_v_parent_id_branch_pages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "payload"."branch_pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_branch_pages_v" ADD CONSTRAINT "_branch_pages_v_version_photo_id_media_id_fk" FOREIGN KEY ("version_photo_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_branch_pages_v_locales" ADD CONSTRAINT "_branch_pages_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_branch_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."faqs_locales" ADD CONSTRAINT "faqs_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."faqs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_faqs_v" ADD CONSTRAINT "_faqs_v_parent_id_faqs_id_fk" FOREIGN KEY ("parent_id") REFERENCES "payload"."faqs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_faqs_v_locales" ADD CONSTRAINT "_faqs_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_faqs_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."policies_locales" ADD CONSTRAINT "policies_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_policies_v" ADD CONSTRAINT "_policies_v_parent_id_policies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "payload"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_policies_v_locales" ADD CONSTRAINT "_policies_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_policies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."media_locales" ADD CONSTRAINT "media_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "payload"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_banners_fk" FOREIGN KEY ("banners_id") REFERENCES "payload"."banners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_lookbooks_fk" FOREIGN KEY ("lookbooks_id") REFERENCES "payload"."lookbooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_guides_fk" FOREIGN KEY ("guides_id") REFERENCES "payload"."guides"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_branch_pages_fk" FOREIGN KEY ("branch_pages_id") REFERENCES "payload"."branch_pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_faqs_fk" FOREIGN KEY ("faqs_id") REFERENCES "payload"."faqs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_policies_fk" FOREIGN KEY ("policies_id") REFERENCES "payload"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "payload"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "payload"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "payload"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "payload"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "banners_image_idx" ON "payload"."banners" USING btree ("image_id");
  CREATE INDEX "banners_updated_at_idx" ON "payload"."banners" USING btree ("updated_at");
  CREATE INDEX "banners_created_at_idx" ON "payload"."banners" USING btree ("created_at");
  CREATE INDEX "banners__status_idx" ON "payload"."banners" USING btree ("_status");
  CREATE UNIQUE INDEX "banners_locales_locale_parent_id_unique" ON "payload"."banners_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_banners_v_parent_idx" ON "payload"."_banners_v" USING btree ("parent_id");
  CREATE INDEX "_banners_v_version_version_image_idx" ON "payload"."_banners_v" USING btree ("version_image_id");
  CREATE INDEX "_banners_v_version_version_updated_at_idx" ON "payload"."_banners_v" USING btree ("version_updated_at");
  CREATE INDEX "_banners_v_version_version_created_at_idx" ON "payload"."_banners_v" USING btree ("version_created_at");
  CREATE INDEX "_banners_v_version_version__status_idx" ON "payload"."_banners_v" USING btree ("version__status");
  CREATE INDEX "_banners_v_created_at_idx" ON "payload"."_banners_v" USING btree ("created_at");
  CREATE INDEX "_banners_v_updated_at_idx" ON "payload"."_banners_v" USING btree ("updated_at");
  CREATE INDEX "_banners_v_snapshot_idx" ON "payload"."_banners_v" USING btree ("snapshot");
  CREATE INDEX "_banners_v_published_locale_idx" ON "payload"."_banners_v" USING btree ("published_locale");
  CREATE INDEX "_banners_v_latest_idx" ON "payload"."_banners_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_banners_v_locales_locale_parent_id_unique" ON "payload"."_banners_v_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "lookbooks_slug_idx" ON "payload"."lookbooks" USING btree ("slug");
  CREATE INDEX "lookbooks_cover_idx" ON "payload"."lookbooks" USING btree ("cover_id");
  CREATE INDEX "lookbooks_updated_at_idx" ON "payload"."lookbooks" USING btree ("updated_at");
  CREATE INDEX "lookbooks_created_at_idx" ON "payload"."lookbooks" USING btree ("created_at");
  CREATE INDEX "lookbooks__status_idx" ON "payload"."lookbooks" USING btree ("_status");
  CREATE UNIQUE INDEX "lookbooks_locales_locale_parent_id_unique" ON "payload"."lookbooks_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "lookbooks_rels_order_idx" ON "payload"."lookbooks_rels" USING btree ("order");
  CREATE INDEX "lookbooks_rels_parent_idx" ON "payload"."lookbooks_rels" USING btree ("parent_id");
  CREATE INDEX "lookbooks_rels_path_idx" ON "payload"."lookbooks_rels" USING btree ("path");
  CREATE INDEX "lookbooks_rels_media_id_idx" ON "payload"."lookbooks_rels" USING btree ("media_id");
  CREATE INDEX "_lookbooks_v_parent_idx" ON "payload"."_lookbooks_v" USING btree ("parent_id");
  CREATE INDEX "_lookbooks_v_version_version_slug_idx" ON "payload"."_lookbooks_v" USING btree ("version_slug");
  CREATE INDEX "_lookbooks_v_version_version_cover_idx" ON "payload"."_lookbooks_v" USING btree ("version_cover_id");
  CREATE INDEX "_lookbooks_v_version_version_updated_at_idx" ON "payload"."_lookbooks_v" USING btree ("version_updated_at");
  CREATE INDEX "_lookbooks_v_version_version_created_at_idx" ON "payload"."_lookbooks_v" USING btree ("version_created_at");
  CREATE INDEX "_lookbooks_v_version_version__status_idx" ON "payload"."_lookbooks_v" USING btree ("version__status");
  CREATE INDEX "_lookbooks_v_created_at_idx" ON "payload"."_lookbooks_v" USING btree ("created_at");
  CREATE INDEX "_lookbooks_v_updated_at_idx" ON "payload"."_lookbooks_v" USING btree ("updated_at");
  CREATE INDEX "_lookbooks_v_snapshot_idx" ON "payload"."_lookbooks_v" USING btree ("snapshot");
  CREATE INDEX "_lookbooks_v_published_locale_idx" ON "payload"."_lookbooks_v" USING btree ("published_locale");
  CREATE INDEX "_lookbooks_v_latest_idx" ON "payload"."_lookbooks_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_lookbooks_v_locales_locale_parent_id_unique" ON "payload"."_lookbooks_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_lookbooks_v_rels_order_idx" ON "payload"."_lookbooks_v_rels" USING btree ("order");
  CREATE INDEX "_lookbooks_v_rels_parent_idx" ON "payload"."_lookbooks_v_rels" USING btree ("parent_id");
  CREATE INDEX "_lookbooks_v_rels_path_idx" ON "payload"."_lookbooks_v_rels" USING btree ("path");
  CREATE INDEX "_lookbooks_v_rels_media_id_idx" ON "payload"."_lookbooks_v_rels" USING btree ("media_id");
  CREATE UNIQUE INDEX "guides_slug_idx" ON "payload"."guides" USING btree ("slug");
  CREATE INDEX "guides_cover_idx" ON "payload"."guides" USING btree ("cover_id");
  CREATE INDEX "guides_updated_at_idx" ON "payload"."guides" USING btree ("updated_at");
  CREATE INDEX "guides_created_at_idx" ON "payload"."guides" USING btree ("created_at");
  CREATE INDEX "guides__status_idx" ON "payload"."guides" USING btree ("_status");
  CREATE UNIQUE INDEX "guides_locales_locale_parent_id_unique" ON "payload"."guides_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_guides_v_parent_idx" ON "payload"."_guides_v" USING btree ("parent_id");
  CREATE INDEX "_guides_v_version_version_slug_idx" ON "payload"."_guides_v" USING btree ("version_slug");
  CREATE INDEX "_guides_v_version_version_cover_idx" ON "payload"."_guides_v" USING btree ("version_cover_id");
  CREATE INDEX "_guides_v_version_version_updated_at_idx" ON "payload"."_guides_v" USING btree ("version_updated_at");
  CREATE INDEX "_guides_v_version_version_created_at_idx" ON "payload"."_guides_v" USING btree ("version_created_at");
  CREATE INDEX "_guides_v_version_version__status_idx" ON "payload"."_guides_v" USING btree ("version__status");
  CREATE INDEX "_guides_v_created_at_idx" ON "payload"."_guides_v" USING btree ("created_at");
  CREATE INDEX "_guides_v_updated_at_idx" ON "payload"."_guides_v" USING btree ("updated_at");
  CREATE INDEX "_guides_v_snapshot_idx" ON "payload"."_guides_v" USING btree ("snapshot");
  CREATE INDEX "_guides_v_published_locale_idx" ON "payload"."_guides_v" USING btree ("published_locale");
  CREATE INDEX "_guides_v_latest_idx" ON "payload"."_guides_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_guides_v_locales_locale_parent_id_unique" ON "payload"."_guides_v_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "branch_pages_code_idx" ON "payload"."branch_pages" USING btree ("code");
  CREATE INDEX "branch_pages_photo_idx" ON "payload"."branch_pages" USING btree ("photo_id");
  CREATE INDEX "branch_pages_updated_at_idx" ON "payload"."branch_pages" USING btree ("updated_at");
  CREATE INDEX "branch_pages_created_at_idx" ON "payload"."branch_pages" USING btree ("created_at");
  CREATE INDEX "branch_pages__status_idx" ON "payload"."branch_pages" USING btree ("_status");
  CREATE UNIQUE INDEX "branch_pages_locales_locale_parent_id_unique" ON "payload"."branch_pages_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_branch_pages_v_parent_idx" ON "payload"."_branch_pages_v" USING btree ("parent_id");
  CREATE INDEX "_branch_pages_v_version_version_code_idx" ON "payload"."_branch_pages_v" USING btree ("version_code");
  CREATE INDEX "_branch_pages_v_version_version_photo_idx" ON "payload"."_branch_pages_v" USING btree ("version_photo_id");
  CREATE INDEX "_branch_pages_v_version_version_updated_at_idx" ON "payload"."_branch_pages_v" USING btree ("version_updated_at");
  CREATE INDEX "_branch_pages_v_version_version_created_at_idx" ON "payload"."_branch_pages_v" USING btree ("version_created_at");
  CREATE INDEX "_branch_pages_v_version_version__status_idx" ON "payload"."_branch_pages_v" USING btree ("version__status");
  CREATE INDEX "_branch_pages_v_created_at_idx" ON "payload"."_branch_pages_v" USING btree ("created_at");
  CREATE INDEX "_branch_pages_v_updated_at_idx" ON "payload"."_branch_pages_v" USING btree ("updated_at");
  CREATE INDEX "_branch_pages_v_snapshot_idx" ON "payload"."_branch_pages_v" USING btree ("snapshot");
  CREATE INDEX "_branch_pages_v_published_locale_idx" ON "payload"."_branch_pages_v" USING btree ("published_locale");
  CREATE INDEX "_branch_pages_v_latest_idx" ON "payload"."_branch_pages_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_branch_pages_v_locales_locale_parent_id_unique" ON "payload"."_branch_pages_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "faqs_updated_at_idx" ON "payload"."faqs" USING btree ("updated_at");
  CREATE INDEX "faqs_created_at_idx" ON "payload"."faqs" USING btree ("created_at");
  CREATE INDEX "faqs__status_idx" ON "payload"."faqs" USING btree ("_status");
  CREATE UNIQUE INDEX "faqs_locales_locale_parent_id_unique" ON "payload"."faqs_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_faqs_v_parent_idx" ON "payload"."_faqs_v" USING btree ("parent_id");
  CREATE INDEX "_faqs_v_version_version_updated_at_idx" ON "payload"."_faqs_v" USING btree ("version_updated_at");
  CREATE INDEX "_faqs_v_version_version_created_at_idx" ON "payload"."_faqs_v" USING btree ("version_created_at");
  CREATE INDEX "_faqs_v_version_version__status_idx" ON "payload"."_faqs_v" USING btree ("version__status");
  CREATE INDEX "_faqs_v_created_at_idx" ON "payload"."_faqs_v" USING btree ("created_at");
  CREATE INDEX "_faqs_v_updated_at_idx" ON "payload"."_faqs_v" USING btree ("updated_at");
  CREATE INDEX "_faqs_v_snapshot_idx" ON "payload"."_faqs_v" USING btree ("snapshot");
  CREATE INDEX "_faqs_v_published_locale_idx" ON "payload"."_faqs_v" USING btree ("published_locale");
  CREATE INDEX "_faqs_v_latest_idx" ON "payload"."_faqs_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_faqs_v_locales_locale_parent_id_unique" ON "payload"."_faqs_v_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "policies_slug_idx" ON "payload"."policies" USING btree ("slug");
  CREATE INDEX "policies_updated_at_idx" ON "payload"."policies" USING btree ("updated_at");
  CREATE INDEX "policies_created_at_idx" ON "payload"."policies" USING btree ("created_at");
  CREATE INDEX "policies__status_idx" ON "payload"."policies" USING btree ("_status");
  CREATE UNIQUE INDEX "policies_locales_locale_parent_id_unique" ON "payload"."policies_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_policies_v_parent_idx" ON "payload"."_policies_v" USING btree ("parent_id");
  CREATE INDEX "_policies_v_version_version_slug_idx" ON "payload"."_policies_v" USING btree ("version_slug");
  CREATE INDEX "_policies_v_version_version_updated_at_idx" ON "payload"."_policies_v" USING btree ("version_updated_at");
  CREATE INDEX "_policies_v_version_version_created_at_idx" ON "payload"."_policies_v" USING btree ("version_created_at");
  CREATE INDEX "_policies_v_version_version__status_idx" ON "payload"."_policies_v" USING btree ("version__status");
  CREATE INDEX "_policies_v_created_at_idx" ON "payload"."_policies_v" USING btree ("created_at");
  CREATE INDEX "_policies_v_updated_at_idx" ON "payload"."_policies_v" USING btree ("updated_at");
  CREATE INDEX "_policies_v_snapshot_idx" ON "payload"."_policies_v" USING btree ("snapshot");
  CREATE INDEX "_policies_v_published_locale_idx" ON "payload"."_policies_v" USING btree ("published_locale");
  CREATE INDEX "_policies_v_latest_idx" ON "payload"."_policies_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_policies_v_locales_locale_parent_id_unique" ON "payload"."_policies_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "media_updated_at_idx" ON "payload"."media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "payload"."media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "payload"."media" USING btree ("filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "payload"."media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_wide_sizes_wide_filename_idx" ON "payload"."media" USING btree ("sizes_wide_filename");
  CREATE UNIQUE INDEX "media_locales_locale_parent_id_unique" ON "payload"."media_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "payload"."users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "payload"."users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "payload"."users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "payload"."users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "payload"."users" USING btree ("email");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload"."payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload"."payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload"."payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload"."payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload"."payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload"."payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload"."payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_banners_id_idx" ON "payload"."payload_locked_documents_rels" USING btree ("banners_id");
  CREATE INDEX "payload_locked_documents_rels_lookbooks_id_idx" ON "payload"."payload_locked_documents_rels" USING btree ("lookbooks_id");
  CREATE INDEX "payload_locked_documents_rels_guides_id_idx" ON "payload"."payload_locked_documents_rels" USING btree ("guides_id");
  CREATE INDEX "payload_locked_documents_rels_branch_pages_id_idx" ON "payload"."payload_locked_documents_rels" USING btree ("branch_pages_id");
  CREATE INDEX "payload_locked_documents_rels_faqs_id_idx" ON "payload"."payload_locked_documents_rels" USING btree ("faqs_id");
  CREATE INDEX "payload_locked_documents_rels_policies_id_idx" ON "payload"."payload_locked_documents_rels" USING btree ("policies_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload"."payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload"."payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload"."payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload"."payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload"."payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload"."payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload"."payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload"."payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload"."payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload"."payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload"."payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "payload"."banners" CASCADE;
  DROP TABLE "payload"."banners_locales" CASCADE;
  DROP TABLE "payload"."_banners_v" CASCADE;
  DROP TABLE "payload"."_banners_v_locales" CASCADE;
  DROP TABLE "payload"."lookbooks" CASCADE;
  DROP TABLE "payload"."lookbooks_locales" CASCADE;
  DROP TABLE "payload"."lookbooks_rels" CASCADE;
  DROP TABLE "payload"."_lookbooks_v" CASCADE;
  DROP TABLE "payload"."_lookbooks_v_locales" CASCADE;
  DROP TABLE "payload"."_lookbooks_v_rels" CASCADE;
  DROP TABLE "payload"."guides" CASCADE;
  DROP TABLE "payload"."guides_locales" CASCADE;
  DROP TABLE "payload"."_guides_v" CASCADE;
  DROP TABLE "payload"."_guides_v_locales" CASCADE;
  DROP TABLE "payload"."branch_pages" CASCADE;
  DROP TABLE "payload"."branch_pages_locales" CASCADE;
  DROP TABLE "payload"."_branch_pages_v" CASCADE;
  DROP TABLE "payload"."_branch_pages_v_locales" CASCADE;
  DROP TABLE "payload"."faqs" CASCADE;
  DROP TABLE "payload"."faqs_locales" CASCADE;
  DROP TABLE "payload"."_faqs_v" CASCADE;
  DROP TABLE "payload"."_faqs_v_locales" CASCADE;
  DROP TABLE "payload"."policies" CASCADE;
  DROP TABLE "payload"."policies_locales" CASCADE;
  DROP TABLE "payload"."_policies_v" CASCADE;
  DROP TABLE "payload"."_policies_v_locales" CASCADE;
  DROP TABLE "payload"."media" CASCADE;
  DROP TABLE "payload"."media_locales" CASCADE;
  DROP TABLE "payload"."users_sessions" CASCADE;
  DROP TABLE "payload"."users" CASCADE;
  DROP TABLE "payload"."payload_kv" CASCADE;
  DROP TABLE "payload"."payload_locked_documents" CASCADE;
  DROP TABLE "payload"."payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload"."payload_preferences" CASCADE;
  DROP TABLE "payload"."payload_preferences_rels" CASCADE;
  DROP TABLE "payload"."payload_migrations" CASCADE;
  DROP TYPE "payload"."_locales";
  DROP TYPE "payload"."enum_banners_status";
  DROP TYPE "payload"."enum__banners_v_version_status";
  DROP TYPE "payload"."enum__banners_v_published_locale";
  DROP TYPE "payload"."enum_lookbooks_status";
  DROP TYPE "payload"."enum__lookbooks_v_version_status";
  DROP TYPE "payload"."enum__lookbooks_v_published_locale";
  DROP TYPE "payload"."enum_guides_status";
  DROP TYPE "payload"."enum__guides_v_version_status";
  DROP TYPE "payload"."enum__guides_v_published_locale";
  DROP TYPE "payload"."enum_branch_pages_status";
  DROP TYPE "payload"."enum__branch_pages_v_version_status";
  DROP TYPE "payload"."enum__branch_pages_v_published_locale";
  DROP TYPE "payload"."enum_faqs_topic";
  DROP TYPE "payload"."enum_faqs_status";
  DROP TYPE "payload"."enum__faqs_v_version_topic";
  DROP TYPE "payload"."enum__faqs_v_version_status";
  DROP TYPE "payload"."enum__faqs_v_published_locale";
  DROP TYPE "payload"."enum_policies_status";
  DROP TYPE "payload"."enum__policies_v_version_status";
  DROP TYPE "payload"."enum__policies_v_published_locale";`)
}
