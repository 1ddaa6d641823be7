/**
 * Characters that make a spreadsheet treat a cell as a formula (or as a DDE/formula continuation): `=`, `+`, `-`,
 * `@`, and a leading tab or carriage return (OWASP "CSV injection"). An owner name such as `=HYPERLINK(...)` typed
 * into a roster must reach the district's Excel as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text for a cell, with a leading apostrophe when it would otherwise start a formula. */
export function neutraliseFormula(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}
