import type { AuthorOrganization, Filters } from "@paperpulse/db";
import { filtersToQuery } from "@/lib/filters";
import { formatInteger, pathSegment } from "@/lib/format";
import { DataTable } from "./data-table";

type Props = { organizations: AuthorOrganization[]; papers: number; filters: Filters };

/** The organisations an author's papers name, most papers first, each a link to its page with the other filters. */
export function AuthorOrganizations({ organizations, papers, filters }: Props) {
  const keep = filtersToQuery({ ...filters, orgs: [] });
  const named = organizations.reduce((sum, org) => sum + org.papers, 0);
  return (
    <section className="card" aria-labelledby="author-orgs-title" data-author-orgs>
      <h2 id="author-orgs-title">Organisations</h2>
      <p className="muted small">
        {named < papers
          ? `${formatInteger(papers - named)} of the ${formatInteger(papers)} papers name no organisation.`
          : "Every one of these papers names an organisation."}
      </p>
      {organizations.length > 0 ? (
        <DataTable
          caption="Organisations named on the author's papers"
          columns={[{ label: "Organisation" }, { label: "Papers", numeric: true }]}
          rowKeys={organizations.map((org) => org.name)}
          rows={organizations.map((org) => [
            <a key="name" href={`/orgs/${pathSegment(org.name)}${keep}`}>
              {org.name}
            </a>,
            formatInteger(org.papers),
          ])}
        />
      ) : null}
    </section>
  );
}
