ALTER TABLE "paper_keywords" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "paper_keywords" CASCADE;--> statement-breakpoint
ALTER TABLE "paper_topics" DROP CONSTRAINT "paper_topics_paper_id_papers_id_fk";
