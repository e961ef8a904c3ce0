ALTER TABLE "papers" DROP COLUMN "summary";--> statement-breakpoint
ALTER TABLE "papers" DROP COLUMN "ai_summary";--> statement-breakpoint
ALTER TABLE "papers" DROP COLUMN "ai_keywords";