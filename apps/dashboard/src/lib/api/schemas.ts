import { z } from "zod";

// The read API's response shapes, declared once: routes build their bodies through them, and the OpenAPI
// document (./openapi.ts) is generated from them. Times are ISO 8601 UTC strings, days YYYY-MM-DD.

const day = z.string().meta({ description: "A daily date, YYYY-MM-DD", example: "2025-10-03" });
const time = z
  .string()
  .meta({ description: "An instant, ISO 8601 UTC", example: "2025-10-03T08:07:00.000Z" });

export const paperSchema = z
  .object({
    id: z.string().meta({ description: "arXiv-style id", example: "2510.01234" }),
    title: z.string(),
    dailyDate: day,
    organization: z
      .string()
      .nullable()
      .meta({ description: "Hugging Face's organisation name, when it names one" }),
    upvotes: z.number().int(),
    comments: z.number().int(),
    firstSeenAt: time,
    lastSeenAt: time,
  })
  .meta({ id: "Paper" });

export const snapshotSchema = z
  .object({
    paperId: z.string(),
    capturedAt: time,
    upvotes: z.number().int(),
    comments: z.number().int(),
  })
  .meta({
    id: "Snapshot",
    description: "A paper's counts at a capture: each change, then the last capture that confirmed them",
  });

export const paperDetailSchema = paperSchema
  .extend({
    summary: z.string().nullable(),
    aiSummary: z.string().nullable(),
    keywords: z.array(z.string()),
    publishedAt: time.nullable(),
    organizationFullname: z.string().nullable(),
    submittedBy: z.string().nullable(),
    githubRepo: z.string().nullable(),
    githubStars: z.number().int().nullable(),
    projectPage: z.string().nullable(),
    dayRank: z
      .number()
      .int()
      .nullable()
      .meta({ description: "Place among its day's papers by upvotes, 1 first" }),
    authors: z.array(z.object({ name: z.string(), hfUser: z.string().nullable() })),
    snapshots: z.array(snapshotSchema),
  })
  .meta({ id: "PaperDetail" });

export const orgSchema = z
  .object({
    name: z.string(),
    fullname: z.string().nullable(),
    papers: z.number().int(),
    upvotes: z.number().int(),
    medianUpvotes: z.number(),
    top10Papers: z.number().int().meta({ description: "Its papers among their day's ten most upvoted" }),
    top10Share: z.number().meta({ description: "top10Papers over the top-10 places of its days, 0..1" }),
  })
  .meta({ id: "Organization" });

export const orgDetailSchema = z
  .object({
    name: z.string(),
    fullname: z.string().nullable(),
    papers: z.number().int(),
    upvotes: z.number().int(),
    firstDay: day.nullable().meta({ description: "Its first daily date" }),
    lastDay: day.nullable().meta({ description: "Its last daily date" }),
  })
  .meta({ id: "OrganizationDetail" });

export const topicSchema = z
  .object({
    slug: z.string(),
    label: z.string(),
    description: z.string().nullable(),
    papers: z
      .number()
      .int()
      .meta({ description: "Papers matching the filters (topics aside) with this topic" }),
  })
  .meta({ id: "Topic" });

export const upvotePointSchema = z
  .object({
    date: day.meta({ description: "The period's first day" }),
    papers: z.number().int(),
    upvotes: z.number().int(),
    median: z.number(),
    p90: z.number(),
  })
  .meta({ id: "UpvotePoint" });

export const comparePointSchema = z
  .object({
    period: day,
    key: z.string().meta({ description: "The organisation or topic slug" }),
    papers: z.number().int(),
    upvotes: z.number().int(),
    share: z
      .number()
      .nullable()
      .meta({ description: "Of the period's papers naming an organisation (topics: of all)" }),
  })
  .meta({ id: "SeriesPoint" });

export const runSchema = z
  .object({
    id: z.number().int(),
    trigger: z.string(),
    command: z.string(),
    status: z.string(),
    startedAt: time,
    finishedAt: time.nullable(),
    pagesTotal: z.number().int(),
    pagesFailed: z.number().int(),
    items: z.number().int(),
    newPapers: z.number().int(),
    snapshots: z.number().int(),
    requests: z.number().int(),
    errorCode: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: "Run" });

export const problemSchema = z
  .object({
    error: z.string(),
    issues: z.array(z.object({ param: z.string(), message: z.string() })),
  })
  .meta({ id: "Problem", description: "What was wrong with the request, by parameter" });

/** Every list answers `{ data, nextCursor }`; `nextCursor` is null on the last page. */
export function listOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: "Pass as ?cursor= for the next page; null on the last" }),
    })
    .meta({ id });
}

export const paperListSchema = listOf(paperSchema, "PaperList");
export const snapshotListSchema = listOf(snapshotSchema, "SnapshotList");
export const orgListSchema = listOf(orgSchema, "OrganizationList");
export const topicListSchema = listOf(topicSchema, "TopicList");
export const upvoteSeriesSchema = listOf(upvotePointSchema, "UpvoteSeries");
export const compareSeriesSchema = listOf(comparePointSchema, "Series");
export const runListSchema = listOf(runSchema, "RunList");
