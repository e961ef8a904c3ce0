-- Abstracts, AI summaries and keywords move out of papers (the next migration drops the columns there).
INSERT INTO "paper_texts" ("paper_id", "summary", "ai_summary", "ai_keywords")
SELECT "id", "summary", "ai_summary", "ai_keywords" FROM "papers"
ON CONFLICT ("paper_id") DO NOTHING;
