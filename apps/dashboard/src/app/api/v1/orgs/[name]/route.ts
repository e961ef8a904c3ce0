import { getOrganization } from "@paperpulse/db";
import { orgDetailSchema } from "@/lib/api/schemas";
import { maxOrgLength } from "@/lib/filters";
import { isPathName } from "@/lib/path-names";
import { apiJson, apiNotFound } from "@/server/api-response";
import { getDb } from "@/server/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ name: string }> };

/** One organisation with its totals over all time. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { name } = await context.params;
  if (!isPathName(name, maxOrgLength)) return apiNotFound("no organisation with that name");
  const org = await getOrganization(await getDb(), name);
  if (!org) return apiNotFound(`no organisation ${name}`);
  return apiJson(request, orgDetailSchema, org);
}
