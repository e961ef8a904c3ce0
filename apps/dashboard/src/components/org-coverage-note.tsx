import { type Filters, getOrgCoverage } from "@paperpulse/db";
import { formatShare } from "@/lib/chart";
import { formatDay, formatInteger } from "@/lib/format";
import { getDb } from "@/server/db";

/**
 * What an organisation view leaves out, said where it is shown: Hugging Face named organisations only from a
 * certain day (found in the data), so a filter on one starts there, and many matching papers name none.
 */
export async function OrgCoverageNote({ filters }: { filters: Filters }) {
  const coverage = await getOrgCoverage(await getDb(), filters);
  if (coverage.papers === 0) return null;
  const share = coverage.unnamed / coverage.papers;
  return (
    <p className="muted small org-coverage" data-org-coverage data-named-since={coverage.namedSince ?? ""}>
      {coverage.namedSince
        ? `Hugging Face names organisations on papers from ${formatDay(coverage.namedSince)}: no earlier paper matches an organisation. `
        : "No stored paper names an organisation. "}
      {`${formatInteger(coverage.unnamed)} of the ${formatInteger(coverage.papers)} papers matching the other filters (${formatShare(share)}) name none.`}
    </p>
  );
}
