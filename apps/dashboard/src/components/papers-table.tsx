import type { Filters, TopPaper } from "@paperpulse/db";
import { filtersToQuery } from "@/lib/filters";
import { formatDay, formatInteger, hfPaperUrl } from "@/lib/format";

type Props = { papers: TopPaper[]; filters: Filters };

/** Papers by upvotes. Titles link to Hugging Face; an organisation links to this view filtered to it. */
export function PapersTable({ papers, filters }: Props) {
  return (
    <div className="table-wrap">
      <table className="papers">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Title</th>
            <th scope="col">Organisation</th>
            <th scope="col">Daily date</th>
            <th scope="col" className="num">
              Upvotes
            </th>
            <th scope="col" className="num">
              Comments
            </th>
          </tr>
        </thead>
        <tbody>
          {papers.map((paper, index) => (
            <tr key={paper.id} data-paper-id={paper.id}>
              <td className="num muted">{index + 1}</td>
              <td className="title">
                <a href={hfPaperUrl(paper.id)} target="_blank" rel="noopener noreferrer">
                  {paper.title}
                </a>
                <span className="paper-id">{paper.id}</span>
              </td>
              <td className="org">
                {paper.organization ? (
                  <a href={`/${filtersToQuery({ ...filters, orgs: [paper.organization] })}`}>
                    {paper.organization}
                  </a>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="nowrap">{formatDay(paper.dailyDate)}</td>
              <td className="num">{formatInteger(paper.upvotes)}</td>
              <td className="num">{formatInteger(paper.comments)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
