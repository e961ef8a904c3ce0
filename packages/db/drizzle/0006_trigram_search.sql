-- Substring search on titles and abstracts goes through trigram indexes (PGlite loads the extension on open).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
