import type {
  KeywordWindow,
  OrgLeaderboardRow,
  RisingKeyword,
  TopicShareRow,
  UpvotePoint,
} from "@paperpulse/db";
import type { CsvColumn } from "./csv";

// The CSVs of the Overview's series, the Organisations leaderboard and the Topics view's shares and rising keywords,
// each one column table: adding a column is one line here.

/** A point of the Overview's series, with the period it was drawn by. */
export type SeriesCsvRow = UpvotePoint & { granularity: string };

export const seriesColumns: CsvColumn<SeriesCsvRow>[] = [
  { header: "period_start", value: (row) => row.date },
  { header: "granularity", value: (row) => row.granularity },
  { header: "papers", value: (row) => row.papers },
  { header: "upvotes", value: (row) => row.upvotes },
  { header: "median_upvotes", value: (row) => row.median },
  { header: "p90_upvotes", value: (row) => row.p90 },
];

export const orgColumns: CsvColumn<OrgLeaderboardRow>[] = [
  { header: "organization", value: (row) => row.name },
  { header: "fullname", value: (row) => row.fullname },
  { header: "papers", value: (row) => row.papers },
  { header: "upvotes", value: (row) => row.upvotes },
  { header: "median_upvotes", value: (row) => row.medianUpvotes },
  { header: "top10_papers", value: (row) => row.top10Papers },
  { header: "top10_share", value: (row) => row.top10Share },
];

/** A topic's share of a period, with the topic's label and the period's papers. */
export type TopicShareCsvRow = TopicShareRow & { granularity: string; label: string; periodPapers: number };

export const topicShareColumns: CsvColumn<TopicShareCsvRow>[] = [
  { header: "period_start", value: (row) => row.period },
  { header: "granularity", value: (row) => row.granularity },
  { header: "topic", value: (row) => row.topic },
  { header: "topic_label", value: (row) => row.label },
  { header: "papers", value: (row) => row.papers },
  { header: "period_papers", value: (row) => row.periodPapers },
  { header: "share", value: (row) => row.share },
];

/** A rising keyword, with the two windows it was compared over. */
export type RisingKeywordCsvRow = RisingKeyword & { current: KeywordWindow; previous: KeywordWindow };

export const risingKeywordColumns: CsvColumn<RisingKeywordCsvRow>[] = [
  { header: "keyword", value: (row) => row.keyword },
  { header: "papers", value: (row) => row.papers },
  { header: "share", value: (row) => row.share },
  { header: "previous_papers", value: (row) => row.previousPapers },
  { header: "previous_share", value: (row) => row.previousShare },
  { header: "growth", value: (row) => row.growth },
  { header: "window_from", value: (row) => row.current.from },
  { header: "window_to", value: (row) => row.current.to },
  { header: "previous_from", value: (row) => row.previous.from },
  { header: "previous_to", value: (row) => row.previous.to },
];
