-- Organisations whose names differ only in case become one, under the spelling stored first (then the smaller
-- name): its papers move to it, it keeps the earliest first and the latest last sighting and any fullname or avatar
-- it lacked, and the other rows go. The precomputed tables are rebuilt on the next open when anything merged.
UPDATE "data_state" SET "aggregates_version" = 0, "version" = "version" + 1, "changed_at" = now()
WHERE EXISTS (SELECT 1 FROM "organizations" GROUP BY lower("name") HAVING count(*) > 1);
--> statement-breakpoint
UPDATE "papers" p SET "organization_name" = c."canonical"
FROM (
  SELECT "name", first_value("name") OVER (PARTITION BY lower("name") ORDER BY "first_seen_at", "name") AS "canonical"
  FROM "organizations"
) c
WHERE p."organization_name" = c."name" AND c."name" <> c."canonical";
--> statement-breakpoint
UPDATE "organizations" o SET
  "first_seen_at" = m."first_seen_at",
  "last_seen_at" = m."last_seen_at",
  "fullname" = coalesce(o."fullname", m."fullname"),
  "avatar" = coalesce(o."avatar", m."avatar")
FROM (
  SELECT lower("name") AS "key", min("first_seen_at") AS "first_seen_at", max("last_seen_at") AS "last_seen_at",
    max("fullname") AS "fullname", max("avatar") AS "avatar"
  FROM "organizations" GROUP BY lower("name") HAVING count(*) > 1
) m,
(
  SELECT "name", first_value("name") OVER (PARTITION BY lower("name") ORDER BY "first_seen_at", "name") AS "canonical"
  FROM "organizations"
) c
WHERE lower(o."name") = m."key" AND c."name" = o."name" AND c."name" = c."canonical";
--> statement-breakpoint
DELETE FROM "organizations" o
USING (
  SELECT "name", first_value("name") OVER (PARTITION BY lower("name") ORDER BY "first_seen_at", "name") AS "canonical"
  FROM "organizations"
) c
WHERE o."name" = c."name" AND c."name" <> c."canonical";
--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_name_lower_idx" ON "organizations" USING btree (lower("name"));