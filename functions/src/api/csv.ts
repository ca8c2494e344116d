/**
 * RFC 4180 CSV with formula-injection protection: a cell a spreadsheet would
 * evaluate (starting with =, +, -, @, tab or carriage return) gets a leading
 * apostrophe, as OWASP recommends.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
