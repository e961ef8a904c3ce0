import type { Filters } from "@paperpulse/db";
import { filtersToQuery, hasFilters, maxOrgLength, maxQueryLength } from "@/lib/filters";
import { formatDay } from "@/lib/format";
import { currentQuickRange, quickRanges } from "@/lib/quick-ranges";
import type { Facets } from "@/server/facets";
import { OrgNameInput } from "./org-name-input";
import { TopicPicker } from "./topic-picker";

/** Organisations suggested in the page itself; the field loads the rest when focused. */
const suggestedOrgs = 40;

type Props = {
  /** The page the filters apply to, e.g. "/papers". */
  path: string;
  filters: Filters;
  /** The organisations and topics offered, and the newest stored day (where the quick ranges end). */
  facets: Facets;
  /** View parameters kept when filters change (granularity, sort); the page number is not. */
  keep?: Record<string, string | undefined>;
  /** How many organisations to offer as one-click toggles. */
  quickPicks?: number;
};

/**
 * Filters as a plain GET form plus links, so every state is a URL (shareable, and the CSV export takes the same
 * query) and the page works without client JavaScript.
 */
export function FilterBar({ path, filters, facets, keep = {}, quickPicks = 12 }: Props) {
  const { organizations, topics, newestDay } = facets;
  const toggle = (org: string) => {
    const orgs = filters.orgs.includes(org) ? filters.orgs.filter((o) => o !== org) : [...filters.orgs, org];
    return `${path}${filtersToQuery({ ...filters, orgs }, keep)}`;
  };
  const picks = organizations
    .filter((org) => org.papers > 0 && !filters.orgs.includes(org.name))
    .slice(0, quickPicks);
  const keepOnly = filtersToQuery({ orgs: [] }, keep);
  return (
    <section className="filters" aria-label="Filters">
      <div className="filter-modes">
        {newestDay ? <QuickRanges path={path} filters={filters} keep={keep} newestDay={newestDay} /> : null}
        <nav className="segmented" aria-label="Organisations shown as">
          {(["names", "groups"] as const).map((mode) => (
            <a
              key={mode}
              className="segment"
              data-org-mode={mode}
              href={`${path}${filtersToQuery({ ...filters, groups: mode === "groups" ? true : undefined }, keep)}`}
              aria-current={(mode === "groups") === Boolean(filters.groups) ? "true" : undefined}
              title={
                mode === "groups"
                  ? "Companies Hugging Face files under several names as one (pnpm scrape orgs list)"
                  : "Organisations as Hugging Face names them"
              }
            >
              {mode === "groups" ? "Groups" : "Names"}
            </a>
          ))}
        </nav>
      </div>
      <form method="get" action={path} className="filter-form">
        {filters.orgs.map((org) => (
          <input key={org} type="hidden" name="org" value={org} />
        ))}
        {filters.keyword ? <input type="hidden" name="keyword" value={filters.keyword} /> : null}
        {filters.groups ? <input type="hidden" name="groups" value="1" /> : null}
        {Object.entries(keep).map(([name, value]) =>
          value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
        )}
        <label>
          From
          <input type="date" name="from" defaultValue={filters.from ?? ""} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={filters.to ?? ""} />
        </label>
        {topics && topics.length > 0 ? <TopicPicker topics={topics} selected={filters.topics ?? []} /> : null}
        <label className="grow">
          Text in title or abstract
          <input
            type="search"
            name="q"
            defaultValue={filters.q ?? ""}
            maxLength={maxQueryLength}
            placeholder="e.g. diffusion"
          />
        </label>
        <label className="narrow">
          Min. upvotes
          <input
            type="number"
            name="minUpvotes"
            min={0}
            step={1}
            inputMode="numeric"
            defaultValue={filters.minUpvotes ?? ""}
          />
        </label>
        <label className="grow" htmlFor="add-organization">
          Add organisation
          <OrgNameInput
            id="add-organization"
            suggestions={organizations
              .slice(0, suggestedOrgs)
              .map(({ name, fullname }) => ({ name, fullname }))}
            maxLength={maxOrgLength}
          />
        </label>
        <button type="submit">Apply</button>
        {hasFilters(filters) ? (
          <a className="clear" href={`${path}${keepOnly}`}>
            Clear all
          </a>
        ) : null}
      </form>
      {filters.orgs.length > 0 ? (
        <ul className="chips" aria-label="Selected organisations">
          {filters.orgs.map((org) => (
            <li key={org}>
              <a className="chip selected" href={toggle(org)} aria-label={`Remove ${org}`}>
                {org} <span aria-hidden="true">×</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {filters.topics?.length ? (
        <ul className="chips" aria-label="Selected topics">
          {filters.topics.map((slug) => (
            <li key={slug}>
              <a
                className="chip selected"
                href={`${path}${filtersToQuery({ ...filters, topics: filters.topics?.filter((t) => t !== slug) }, keep)}`}
                aria-label={`Remove topic ${topicLabel(topics, slug)}`}
              >
                topic: {topicLabel(topics, slug)} <span aria-hidden="true">×</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {filters.keyword ? (
        <ul className="chips" aria-label="Selected keyword">
          <li>
            <a
              className="chip selected"
              href={`${path}${filtersToQuery({ ...filters, keyword: undefined }, keep)}`}
              aria-label={`Remove keyword ${filters.keyword}`}
            >
              keyword: {filters.keyword} <span aria-hidden="true">×</span>
            </a>
          </li>
        </ul>
      ) : null}
      {picks.length > 0 ? (
        <ul className="chips" aria-label="Organisations with the most papers">
          {picks.map((org) => (
            <li key={org.name}>
              <a
                className="chip"
                href={toggle(org.name)}
                title={org.fullname ?? org.name}
                data-org={org.name}
              >
                {org.name} <span className="muted">{org.papers}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function topicLabel(topics: Facets["topics"], slug: string): string {
  return topics.find((topic) => topic.slug === slug)?.label ?? slug;
}

/** One-click ranges ending at the newest stored day; each link keeps the other filters and says its dates. */
function QuickRanges({
  path,
  filters,
  keep,
  newestDay,
}: Pick<Props, "path" | "filters" | "keep"> & { newestDay: string }) {
  const ranges = quickRanges(newestDay);
  const current = currentQuickRange(ranges, filters);
  return (
    <nav className="segmented quick-ranges" aria-label="Quick date ranges">
      {ranges.map((range) => (
        <a
          key={range.key}
          className="segment"
          data-range={range.key}
          href={`${path}${filtersToQuery({ ...filters, from: range.from, to: undefined }, keep)}`}
          aria-current={range.key === current?.key ? "true" : undefined}
          title={range.from ? `${formatDay(range.from)} to ${formatDay(newestDay)}` : "Every day stored"}
        >
          {range.label}
        </a>
      ))}
    </nav>
  );
}
