ALTER TABLE "scrape_pages" ADD COLUMN "listing_end" date;--> statement-breakpoint
CREATE INDEX "scrape_pages_listing_idx" ON "scrape_pages" USING btree ("listing_date");