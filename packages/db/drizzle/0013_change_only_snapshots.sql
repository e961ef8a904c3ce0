ALTER TABLE "data_state" ADD COLUMN "compacted_through" text;--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "confirmed_at" timestamp with time zone;