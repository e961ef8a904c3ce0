import Ajv2020 from "ajv/dist/2020";

type OpenApiDocument = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

/**
 * Checks response bodies against the OpenAPI document's own response schemas (JSON Schema 2020-12, as OpenAPI 3.1
 * has them), references into its components resolved: what a generated client would expect.
 */
export function openApiChecker(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(document, "openapi.json");
  return (path: string, status: string, body: unknown): string[] => {
    const escaped = path.replaceAll("~", "~0").replaceAll("/", "~1");
    const pointer = `openapi.json#/paths/${escaped}/get/responses/${status}/content/application~1json/schema`;
    const validate = ajv.compile({ $ref: pointer });
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}
