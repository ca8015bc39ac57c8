// Spreadsheet formula protection (OWASP "CSV injection"): a cell that starts with =, +, -,
// @, a tab or a carriage return is run as a formula by Excel and LibreOffice. Every CSV the
// app writes, for people or for re-import, goes through escapeFormula.

const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

/**
 * Prefixes an apostrophe to text that a spreadsheet would run as a formula. Cells that
 * already start with apostrophes before such a character get one more, so unescapeFormula
 * is an exact inverse (csv-stringify's escape_formulas has no inverse, hence our own).
 */
export const escapeFormula = (v: string): string => (FORMULA_START.test(v) ? `'${v}` : v);
export const unescapeFormula = (v: string): string => (ESCAPED_FORMULA.test(v) ? v.slice(1) : v);
