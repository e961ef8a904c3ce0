import { z } from "zod";

// Schemas for Hugging Face Daily Papers items. Unknown fields are stripped (tolerated); a required field that is
// missing or of another type is rejected with its path. Optional fields accept null as "absent".

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: "expected an ISO 8601 date" });
const count = z.number().int().nonnegative();

export const hfUserRefSchema = z.object({
  user: z.string().nullish(),
  name: z.string().nullish(),
  fullname: z.string().nullish(),
});

export const hfAuthorSchema = z.object({
  name: z.string(),
  hidden: z.boolean().nullish(),
  user: hfUserRefSchema.nullish(),
});

export const hfOrganizationSchema = z.object({
  name: z.string().min(1),
  fullname: z.string().nullish(),
  avatar: z.string().nullish(),
});

export const hfPaperSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  summary: z.string().nullish(),
  authors: z.array(hfAuthorSchema),
  publishedAt: isoDate.nullish(),
  // Present from 2025 on; before that the listing's date is the paper's daily date.
  submittedOnDailyAt: isoDate.nullish(),
  submittedOnDailyBy: hfUserRefSchema.nullish(),
  upvotes: count,
  discussionId: z.string().nullish(),
  githubRepo: z.string().nullish(),
  githubStars: count.nullish(),
  projectPage: z.string().nullish(),
  ai_summary: z.string().nullish(),
  ai_keywords: z.array(z.string()).nullish(),
  organization: hfOrganizationSchema.nullish(),
});

/** One item of `GET /api/daily_papers` and of a listing page's `dailyPapers[]` (2024 and 2026 shapes). */
export const hfDailyPaperSchema = z.object({
  paper: hfPaperSchema,
  title: z.string().nullish(),
  publishedAt: isoDate.nullish(),
  numComments: count,
  submittedBy: hfUserRefSchema.nullish(),
  organization: hfOrganizationSchema.nullish(),
  thumbnail: z.string().nullish(),
  isAuthorParticipating: z.boolean().nullish(),
});

/** A `GET /api/daily_papers` response: a bare array, empty past the last page. */
export const hfApiResponseSchema = z.array(hfDailyPaperSchema);

/** The `data-props` of a listing page's DailyPapers component. */
export const hfPagePropsSchema = z.object({
  dailyPapers: z.array(hfDailyPaperSchema),
  date: isoDate.nullish(),
});

export type HfAuthor = z.infer<typeof hfAuthorSchema>;
export type HfOrganization = z.infer<typeof hfOrganizationSchema>;
export type HfPaper = z.infer<typeof hfPaperSchema>;
export type HfDailyPaper = z.infer<typeof hfDailyPaperSchema>;
export type HfPageProps = z.infer<typeof hfPagePropsSchema>;

/** "dailyPapers[3].paper.upvotes: Invalid input: expected number, received string" */
export function formatZodIssues(error: z.ZodError, prefix: (string | number)[] = []): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${formatPath([...prefix, ...issue.path])}: ${issue.message}`)
    .join("; ");
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}
