import type { Filters, OrganizationSummary } from "@paperpulse/db";
import { filtersToQuery } from "@/lib/filters";

type Props = {
  /** The page the filters apply to, e.g. "/". */
  path: string;
  filters: Filters;
  organizations: OrganizationSummary[];
  /** How many organisations to offer as one-click toggles. */
  quickPicks?: number;
};

/**
 * Filters as a plain GET form plus links, so every state is a URL (shareable, and the CSV export takes the same
 * query) and the page works without client JavaScript.
 */
export function FilterBar({ path, filters, organizations, quickPicks = 12 }: Props) {
  const toggle = (org: string) => {
    const orgs = filters.orgs.includes(org) ? filters.orgs.filter((o) => o !== org) : [...filters.orgs, org];
    return `${path}${filtersToQuery({ ...filters, orgs })}`;
  };
  const picks = organizations.filter((org) => org.papers > 0).slice(0, quickPicks);
  const hasFilters = filters.orgs.length > 0 || Boolean(filters.from) || Boolean(filters.to);
  return (
    <section className="filters" aria-label="Filters">
      <form method="get" action={path} className="filter-form">
        {filters.orgs.map((org) => (
          <input key={org} type="hidden" name="org" value={org} />
        ))}
        <label>
          From
          <input type="date" name="from" defaultValue={filters.from ?? ""} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={filters.to ?? ""} />
        </label>
        <label className="grow">
          Add organisation
          <input
            type="text"
            name="org"
            list="organization-names"
            placeholder="e.g. ByteDance-Seed"
            maxLength={200}
          />
          <datalist id="organization-names">
            {organizations.map((org) => (
              <option key={org.name} value={org.name}>
                {org.fullname ?? org.name}
              </option>
            ))}
          </datalist>
        </label>
        <button type="submit">Apply</button>
        {hasFilters ? (
          <a className="clear" href={path}>
            Clear all
          </a>
        ) : null}
      </form>
      {filters.orgs.length > 0 ? (
        <ul className="chips" aria-label="Selected organisations">
          {filters.orgs.map((org) => (
            <li key={org}>
              <a className="chip selected" href={toggle(org)} title={`Remove ${org}`}>
                {org} <span aria-hidden="true">×</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {picks.length > 0 ? (
        <ul className="chips" aria-label="Organisations with the most papers">
          {picks
            .filter((org) => !filters.orgs.includes(org.name))
            .map((org) => (
              <li key={org.name}>
                <a className="chip" href={toggle(org.name)} title={org.fullname ?? org.name}>
                  {org.name} <span className="muted">{org.papers}</span>
                </a>
              </li>
            ))}
        </ul>
      ) : null}
    </section>
  );
}
