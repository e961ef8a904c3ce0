import { getDataVersion } from "@paperpulse/db";
import { getDb } from "@/server/db";
import { getFacets } from "@/server/facets";

export const dynamic = "force-dynamic";

/**
 * Every known organisation's name and full name, most papers first: the suggestions of the filter panel's
 * organisation field, loaded when it is first focused. Tagged with the data version, so a browser asks again
 * cheaply (304) until a run changes the data.
 */
export async function GET(request: Request): Promise<Response> {
  const db = await getDb();
  const etag = `"v${await getDataVersion(db)}"`;
  const headers = { etag, "cache-control": "private, no-cache" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const { organizations } = await getFacets(db);
  return Response.json(
    organizations.map(({ name, fullname }) => ({ name, fullname })),
    { headers },
  );
}
