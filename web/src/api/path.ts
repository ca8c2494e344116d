/**
 * Fills a route template of the generated API types (`/orgs/{orgId}/issues/{id}/resolve`) with its parameters.
 * Every value is encoded, so an id with a `/`, `?` or `#` in it can't reach another route; a value that the URL
 * would read as a dot segment (`.`, `..`) or an empty one, and a parameter the template names but the call left
 * out, are refused before anything is sent. openapi-fetch calls this for every request (docs/web.md).
 */
const PARAMETER = /\{([^{}]+)\}/g;
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;

export function encodePath(template: string, parameters: Record<string, unknown> = {}): string {
  return template.replace(PARAMETER, (_, name: string) => {
    const value = parameters[name];
    if (typeof value !== "string" && typeof value !== "number")
      throw new TypeError(`The API path ${template} needs {${name}}`);
    const encoded = encodeURIComponent(String(value));
    if (encoded === "" || DOT_SEGMENT.test(encoded))
      throw new TypeError(`{${name}} of ${template} can't be "${encoded}": the URL would read it as another path`);
    return encoded;
  });
}
