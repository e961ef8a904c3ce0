import { granularities, orgLeaderboardSorts } from "@paperpulse/db";
import { z } from "zod";
import { createDocument } from "zod-openapi";
import {
  dateSchema,
  groupsSchema,
  keywordSchema,
  minUpvotesSchema,
  orgSchema as orgNameSchema,
  querySchema,
  topicSchema as topicSlugSchema,
} from "../filters";
import { orgGranularities, paperSorts } from "../view-params";
import { apiDefaultLimit, apiMaxLimit } from "./params";
import {
  compareSeriesSchema,
  orgDetailSchema,
  orgListSchema,
  paperDetailSchema,
  paperListSchema,
  problemSchema,
  runListSchema,
  snapshotListSchema,
  topicListSchema,
  upvoteSeriesSchema,
} from "./schemas";

// The OpenAPI 3.1 document of the read API, generated from the zod schemas the routes use: the parameters are the
// views' own validators, the responses the shapes every answer is checked against.

const page = {
  limit: z
    .string()
    .regex(/^\d+$/)
    .optional()
    .meta({ description: `Rows per page, 1 to ${apiMaxLimit} (default ${apiDefaultLimit})` }),
  cursor: z.string().optional().meta({ description: "The nextCursor of the previous page, as it was" }),
};

const filters = {
  org: z.array(orgNameSchema).optional().meta({ description: "Organisation names (repeatable; any case)" }),
  from: dateSchema("start")
    .optional()
    .meta({ description: "First daily date (YYYY, YYYY-MM or YYYY-MM-DD)" }),
  to: dateSchema("end").optional().meta({ description: "Last daily date (YYYY, YYYY-MM or YYYY-MM-DD)" }),
  topic: z
    .array(topicSlugSchema)
    .optional()
    .meta({ description: "Topic slugs (repeatable: papers with any)" }),
  q: querySchema.optional().meta({ description: "Text in the title or abstract" }),
  minUpvotes: minUpvotesSchema
    .optional()
    .meta({ description: "Only papers with at least this many upvotes" }),
  keyword: keywordSchema.optional().meta({ description: "A normalised keyword" }),
  groups: groupsSchema
    .optional()
    .meta({ description: "1: organisations as their groups (org= may name a group)" }),
};

const choice = (values: readonly string[], fallback: string) =>
  z
    .enum(values as [string, ...string[]])
    .optional()
    .meta({ description: `Default ${fallback}` });

function answers(schema: z.ZodType, description: string) {
  const json = (body: z.ZodType) => ({ "application/json": { schema: body } });
  return {
    "200": { description, content: json(schema) },
    "304": { description: "Unchanged since the ETag given in If-None-Match" },
    "400": { description: "A parameter was invalid: each is named", content: json(problemSchema) },
  };
}

function withNotFound(schema: z.ZodType, description: string) {
  return {
    ...answers(schema, description),
    "404": {
      description: "Nothing stored under that name",
      content: { "application/json": { schema: problemSchema } },
    },
  };
}

const idParam = z.object({ id: z.string().meta({ description: "The paper's id, e.g. 2510.01234" }) });

let built: ReturnType<typeof createDocument> | undefined;

/** The document, built once per process. */
export function getOpenApiDocument() {
  built ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Paperpulse read API",
      version: "1.0.0",
      description:
        "Hugging Face Daily Papers as Paperpulse stores them. Lists answer { data, nextCursor }; follow nextCursor " +
        "until it is null. Every answer has an ETag: send it back in If-None-Match to get 304 when nothing changed.",
    },
    servers: [{ url: "/api/v1" }],
    paths: {
      "/papers": {
        get: {
          summary: "Papers matching the filters",
          requestParams: { query: z.object({ ...filters, sort: choice(paperSorts, "date"), ...page }) },
          responses: answers(paperListSchema, "A page of papers"),
        },
      },
      "/papers/{id}": {
        get: {
          summary: "One paper with its snapshots",
          requestParams: { path: idParam },
          responses: withNotFound(paperDetailSchema, "The paper"),
        },
      },
      "/papers/{id}/snapshots": {
        get: {
          summary: "One paper's snapshots in time order",
          requestParams: { path: idParam, query: z.object(page) },
          responses: withNotFound(snapshotListSchema, "A page of snapshots"),
        },
      },
      "/orgs": {
        get: {
          summary: "The organisations' leaderboard over the matching papers",
          requestParams: {
            query: z.object({ ...filters, sort: choice(orgLeaderboardSorts, "papers"), ...page }),
          },
          responses: answers(orgListSchema, "A page of organisations"),
        },
      },
      "/orgs/{name}": {
        get: {
          summary: "One organisation's totals",
          requestParams: { path: z.object({ name: z.string() }) },
          responses: withNotFound(orgDetailSchema, "The organisation"),
        },
      },
      "/topics": {
        get: {
          summary: "Topics with their matching papers",
          requestParams: { query: z.object({ ...filters, ...page }) },
          responses: answers(topicListSchema, "The topics"),
        },
      },
      "/series/upvotes": {
        get: {
          summary: "Upvotes per period",
          requestParams: {
            query: z.object({ ...filters, granularity: choice(granularities, "month"), ...page }),
          },
          responses: answers(upvoteSeriesSchema, "A page of periods"),
        },
      },
      "/series/orgs": {
        get: {
          summary: "Each organisation's papers, upvotes and share per period",
          requestParams: {
            query: z.object({ ...filters, granularity: choice(orgGranularities, "month"), ...page }),
          },
          responses: answers(compareSeriesSchema, "A page of (period, organisation) rows"),
        },
      },
      "/series/topics": {
        get: {
          summary: "Each topic's papers, upvotes and share per period",
          requestParams: {
            query: z.object({ ...filters, granularity: choice(orgGranularities, "month"), ...page }),
          },
          responses: answers(compareSeriesSchema, "A page of (period, topic) rows"),
        },
      },
      "/runs": {
        get: {
          summary: "Scrape and import runs, newest first",
          requestParams: { query: z.object(page) },
          responses: answers(runListSchema, "A page of runs"),
        },
      },
    },
  });
  return built;
}
