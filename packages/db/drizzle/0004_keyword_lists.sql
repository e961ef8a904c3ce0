CREATE TABLE "paper_keywords" (
	"paper_id" text PRIMARY KEY NOT NULL,
	"keywords" text[] NOT NULL
);
