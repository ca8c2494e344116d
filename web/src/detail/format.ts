import { label } from "../ui/labels";

/** A field value as a person reads it in diffs and the timeline. */
export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "none";
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (field === "vendor") return `${String(record.name ?? "")} (${String(record.id ?? "")})`;
    if (field === "order") return `${String(record.ref ?? "")} (${String(record.id ?? "")})`;
    if (typeof record.name === "string") return record.name;
    if (typeof record.notes === "string") return record.notes;
    return JSON.stringify(value);
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (["status", "priority", "category", "type"].includes(field) && typeof value === "string") return label(value);
  const text = String(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
