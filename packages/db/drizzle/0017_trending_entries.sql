CREATE TABLE "trending_entries" (
	"page_id" integer NOT NULL,
	"position" integer NOT NULL,
	"paper_id" text NOT NULL,
	CONSTRAINT "trending_entries_page_id_position_pk" PRIMARY KEY("page_id","position")
);
--> statement-breakpoint
ALTER TABLE "trending_entries" ADD CONSTRAINT "trending_entries_page_id_scrape_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."scrape_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trending_entries" ADD CONSTRAINT "trending_entries_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE cascade ON UPDATE no action;