CREATE TABLE "org_group_members" (
	"org_name" text PRIMARY KEY NOT NULL,
	"group_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_groups" (
	"name" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_group_members" ADD CONSTRAINT "org_group_members_group_name_org_groups_name_fk" FOREIGN KEY ("group_name") REFERENCES "public"."org_groups"("name") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "org_group_members_org_lower_idx" ON "org_group_members" USING btree (lower("org_name"));--> statement-breakpoint
CREATE INDEX "org_group_members_group_idx" ON "org_group_members" USING btree ("group_name");--> statement-breakpoint
CREATE UNIQUE INDEX "org_groups_name_lower_idx" ON "org_groups" USING btree (lower("name"));