CREATE TABLE "paper_keywords" (
	"paper_id" text NOT NULL,
	"keyword" text NOT NULL,
	CONSTRAINT "paper_keywords_paper_id_keyword_pk" PRIMARY KEY("paper_id","keyword")
);
--> statement-breakpoint
CREATE TABLE "paper_topics" (
	"paper_id" text NOT NULL,
	"topic" text NOT NULL,
	CONSTRAINT "paper_topics_paper_id_topic_pk" PRIMARY KEY("paper_id","topic")
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"slug" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"description" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "paper_keywords" ADD CONSTRAINT "paper_keywords_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_topics" ADD CONSTRAINT "paper_topics_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "paper_keywords_keyword_idx" ON "paper_keywords" USING btree ("keyword","paper_id");--> statement-breakpoint
CREATE INDEX "paper_topics_topic_idx" ON "paper_topics" USING btree ("topic","paper_id");