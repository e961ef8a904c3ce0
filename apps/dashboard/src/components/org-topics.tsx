import { type Db, type Filters, listTopics } from "@paperpulse/db";
import { formatShare } from "@/lib/chart";
import { filtersToQuery } from "@/lib/filters";
import { formatInteger } from "@/lib/format";

type Props = { db: Db; filters: Filters; papers: number };

/** An organisation's topics: how many of its (filtered) papers have each, as bars with the numbers beside. */
export async function OrgTopics({ db, filters, papers }: Props) {
  const topics = (await listTopics(db, filters))
    .filter((topic) => topic.papers > 0)
    .sort((a, b) => b.papers - a.papers);
  if (topics.length === 0 || papers === 0) return null;
  return (
    <section className="card" aria-labelledby="org-topics-title">
      <h2 id="org-topics-title">Topics</h2>
      <p className="muted small">
        Share of its {formatInteger(papers)} papers with each topic (a paper can have several).
      </p>
      <ul className="bars" data-org-topics>
        {topics.map((topic) => (
          <li key={topic.slug}>
            <a href={`/papers${filtersToQuery({ ...filters, topics: [topic.slug] })}`}>{topic.label}</a>
            <span className="bar" aria-hidden="true">
              <span style={{ width: `${Math.round((topic.papers / papers) * 100)}%` }} />
            </span>
            <span className="bar-value">
              {formatInteger(topic.papers)}{" "}
              <span className="muted">({formatShare(topic.papers / papers)})</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
