import "server-only";

/** An Atom document as HTTP: its type, revalidated on every use like the rest of the data. */
export function atomResponse(xml: string): Response {
  return new Response(xml, {
    headers: {
      "content-type": "application/atom+xml; charset=utf-8",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    },
  });
}
