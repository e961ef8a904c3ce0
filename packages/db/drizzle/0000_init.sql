CREATE TABLE "organizations" (
	"name" text PRIMARY KEY NOT NULL,
	"fullname" text,
	"avatar" text,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_authors" (
	"paper_id" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"hf_user" text,
	CONSTRAINT "paper_authors_paper_id_position_pk" PRIMARY KEY("paper_id","position")
);
--> statement-breakpoint
CREATE TABLE "paper_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"paper_id" text NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"upvotes" integer NOT NULL,
	"comments" integer NOT NULL,
	"github_stars" integer,
	"rank" integer,
	"run_id" integer,
	"page_id" integer
);
--> statement-breakpoint
CREATE TABLE "papers" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"published_at" timestamp with time zone,
	"daily_date" date NOT NULL,
	"daily_date_exact" boolean NOT NULL,
	"organization_name" text,
	"submitted_by" text,
	"github_repo" text,
	"github_stars" integer,
	"project_page" text,
	"ai_summary" text,
	"ai_keywords" jsonb,
	"upvotes" integer NOT NULL,
	"comments" integer NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scrape_pages" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"url" text NOT NULL,
	"kind" text NOT NULL,
	"listing_date" date,
	"captured_at" timestamp with time zone NOT NULL,
	"status_code" integer,
	"duration_ms" integer,
	"bytes" integer,
	"items" integer DEFAULT 0 NOT NULL,
	"new_papers" integer DEFAULT 0 NOT NULL,
	"snapshots" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error" text,
	"content_hash" text,
	"rendered" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scrape_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"trigger" text NOT NULL,
	"command" text NOT NULL,
	"plan" jsonb NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pid" integer,
	"host" text,
	"pages_total" integer DEFAULT 0 NOT NULL,
	"pages_failed" integer DEFAULT 0 NOT NULL,
	"items" integer DEFAULT 0 NOT NULL,
	"new_papers" integer DEFAULT 0 NOT NULL,
	"snapshots" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "paper_authors" ADD CONSTRAINT "paper_authors_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_snapshots" ADD CONSTRAINT "paper_snapshots_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_snapshots" ADD CONSTRAINT "paper_snapshots_run_id_scrape_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."scrape_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_snapshots" ADD CONSTRAINT "paper_snapshots_page_id_scrape_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."scrape_pages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_organization_name_organizations_name_fk" FOREIGN KEY ("organization_name") REFERENCES "public"."organizations"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scrape_pages" ADD CONSTRAINT "scrape_pages_run_id_scrape_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."scrape_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "paper_snapshots_paper_captured_idx" ON "paper_snapshots" USING btree ("paper_id","captured_at");--> statement-breakpoint
CREATE INDEX "papers_daily_date_idx" ON "papers" USING btree ("daily_date");--> statement-breakpoint
CREATE INDEX "papers_organization_idx" ON "papers" USING btree ("organization_name","daily_date");--> statement-breakpoint
CREATE INDEX "scrape_pages_run_idx" ON "scrape_pages" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "scrape_runs_status_idx" ON "scrape_runs" USING btree ("status","started_at");