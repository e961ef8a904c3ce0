import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema package and committed; they are applied when a database is opened.
export default defineConfig({
  dialect: "postgresql",
  schema: "../schema/src/tables.ts",
  out: "./drizzle",
});
