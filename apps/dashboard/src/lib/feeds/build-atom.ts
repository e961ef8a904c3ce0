import { Feed } from "feed";
import { formatDay } from "../format";

export type FeedEntry = {
  /** A stable id: the same paper (and threshold) keeps it across refreshes, so readers show it once. */
  id: string;
  title: string;
  link: string;
  summary: string;
  date: Date;
};

/** Entry and feed ids as tag URIs: stable whatever host or port the dashboard is reached under. */
export function tagId(...parts: string[]): string {
  return `tag:paperpulse,2023:${parts.map((part) => encodeURIComponent(part)).join(":")}`;
}

/**
 * An Atom 1.0 document, newest entry first. Its `updated` is the newest entry's date (not the clock), so an
 * unchanged feed reads the same to a reader on every refresh.
 */
export function buildAtom(options: {
  id: string;
  title: string;
  self: string;
  alternate: string;
  entries: FeedEntry[];
}): string {
  const newest = options.entries.reduce<Date | null>((max, e) => (max && max >= e.date ? max : e.date), null);
  const feed = new Feed({
    id: options.id,
    title: options.title,
    link: options.alternate,
    feedLinks: { atom: options.self },
    updated: newest ?? new Date(0),
    copyright: "Paper metadata from Hugging Face Daily Papers",
    generator: "Paperpulse",
  });
  for (const entry of options.entries) {
    feed.addItem({
      id: entry.id,
      title: entry.title,
      link: entry.link,
      description: entry.summary,
      date: entry.date,
    });
  }
  return feed.atom1();
}

/** What an entry says of a paper, in one line. */
export function describePaper(paper: {
  dailyDate: string;
  organization: string | null;
  upvotes: number;
}): string {
  const by = paper.organization ? ` by ${paper.organization}` : "";
  return `Featured ${formatDay(paper.dailyDate)}${by} · ${paper.upvotes} upvotes`;
}
