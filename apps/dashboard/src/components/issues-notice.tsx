import type { ParamIssue } from "@/lib/filters";

/** The inline message for invalid URL parameters: the page still renders, without them. */
export function IssuesNotice({ issues }: { issues: ParamIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div className="notice" role="alert" data-param-issues>
      <strong>Some parameters were ignored:</strong>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.param}:${issue.message}`}>
            <code>{issue.param}</code> {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
