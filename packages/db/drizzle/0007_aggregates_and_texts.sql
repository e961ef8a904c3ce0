CREATE TABLE "daily_stats" (
	"daily_date" date PRIMARY KEY NOT NULL,
	"papers" integer NOT NULL,
	"upvotes" bigint NOT NULL,
	"median" double precision NOT NULL,
	"p90" double precision NOT NULL,
	"org_papers" integer NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"aggregates_version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_stats" (
	"name" text PRIMARY KEY NOT NULL,
	"papers" integer NOT NULL,
	"upvotes" bigint NOT NULL,
	"median" double precision NOT NULL,
	"top10_papers" integer NOT NULL,
	"top10_slots" integer NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_texts" (
	"paper_id" text PRIMARY KEY NOT NULL,
	"summary" text,
	"ai_summary" text,
	"ai_keywords" jsonb
);
--> statement-breakpoint
CREATE TABLE "period_stats" (
	"granularity" text NOT NULL,
	"period_start" date NOT NULL,
	"papers" integer NOT NULL,
	"upvotes" bigint NOT NULL,
	"median" double precision NOT NULL,
	"p90" double precision NOT NULL,
	"org_papers" integer NOT NULL,
	CONSTRAINT "period_stats_granularity_period_start_pk" PRIMARY KEY("granularity","period_start")
);
--> statement-breakpoint
CREATE TABLE "topic_day_stats" (
	"daily_date" date NOT NULL,
	"topic" text NOT NULL,
	"papers" integer NOT NULL,
	CONSTRAINT "topic_day_stats_daily_date_topic_pk" PRIMARY KEY("daily_date","topic")
);
--> statement-breakpoint
DROP INDEX "papers_daily_date_idx";--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "day_rank" integer;--> statement-breakpoint
CREATE INDEX "paper_texts_summary_trgm_idx" ON "paper_texts" USING gin ("summary" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "papers_daily_date_id_idx" ON "papers" USING btree ("daily_date","id");--> statement-breakpoint
CREATE INDEX "papers_upvotes_id_idx" ON "papers" USING btree ("upvotes" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "papers_title_trgm_idx" ON "papers" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "scrape_pages_ok_captured_idx" ON "scrape_pages" USING btree ("captured_at") WHERE error_code is null;