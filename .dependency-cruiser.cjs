// The import rules of ARCHITECTURE.md ("Packages and what may import what"), checked by `pnpm lint` so the layering
// stays true: no circles, nothing runs back up the table, and production code never reaches test support.
const testFile = "(\\.test\\.tsx?$|/tests/|/bench/|/testing/|/__fixtures__/)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Files that import each other cannot be understood, tested or moved one at a time.",
      from: {},
      to: { circular: true },
    },
    {
      name: "schema-imports-no-package",
      severity: "error",
      comment: "The schema is the ground floor: tables and Hugging Face shapes, on drizzle and zod only.",
      from: { path: "^packages/schema/" },
      to: { path: "^(packages/db|apps)/" },
    },
    {
      name: "db-imports-no-app",
      severity: "error",
      comment: "The database package serves the apps; it never reaches up into one.",
      from: { path: "^packages/db/" },
      to: { path: "^apps/" },
    },
    {
      name: "nothing-imports-the-dashboard",
      severity: "error",
      comment: "Only the dashboard itself and the repository's launch scripts reach into it.",
      from: { pathNot: "^(apps/dashboard|scripts)/" },
      to: { path: "^apps/dashboard/" },
    },
    {
      name: "dashboard-uses-the-scraper-library-entry",
      severity: "error",
      comment:
        "The dashboard's production code takes the scraper through its library entry, not its inner files.",
      from: { path: "^apps/dashboard/src/" },
      to: { path: "^apps/scraper/", pathNot: "^apps/scraper/src/index\\.ts$" },
    },
    {
      name: "production-imports-no-test-support",
      severity: "error",
      comment: "Test support lives in `testing` entries and test folders; production code runs without it.",
      from: { path: "^(apps|packages)/[^/]+/src/", pathNot: testFile },
      to: { path: testFile },
    },
    {
      name: "dashboard-lib-imports-no-views",
      severity: "error",
      comment:
        "lib/ holds plain functions and types shared by views; it takes nothing from components, pages or the server.",
      from: { path: "^apps/dashboard/src/lib/" },
      to: { path: "^apps/dashboard/src/(components|app|server)/" },
    },
    {
      name: "resolvable",
      severity: "error",
      comment: "An import the checker cannot resolve would hide its arrow from every rule above.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|dist|test-results)/|next-env\\.d\\.ts$" },
    tsConfig: { fileName: require("node:path").join(__dirname, "apps/dashboard/tsconfig.json") },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
