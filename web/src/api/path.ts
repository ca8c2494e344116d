/**
 * A path of the API, built only by the `path` tag, which encodes every part it is given: an id with a `/`, `?` or
 * `#` in it can't reach another route. A path given to the tag stays as it is, so paths compose.
 */
export class ApiPath {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export function path(strings: TemplateStringsArray, ...parts: (string | number | ApiPath)[]): ApiPath {
  let value = strings[0] ?? "";
  parts.forEach((part, i) => {
    value += (part instanceof ApiPath ? part.value : encodeURIComponent(String(part))) + (strings[i + 1] ?? "");
  });
  return new ApiPath(value);
}
