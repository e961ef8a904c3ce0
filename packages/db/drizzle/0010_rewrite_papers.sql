-- Dropped columns keep their bytes in every row until it is rewritten: rewrite the papers table once, so that an
-- existing database gets the narrow rows too, and analyse it. Only for a table of some size: a small one gains
-- nothing, and statistics of a nearly empty table would lead plans made while it fills to scan it (PGlite never
-- analyses on its own, so such plans would stay).
DO $$
BEGIN
  IF (SELECT count(*) FROM "papers") >= 1000 THEN
    CLUSTER "papers" USING "papers_pkey";
    ANALYZE "papers";
  END IF;
END
$$;
