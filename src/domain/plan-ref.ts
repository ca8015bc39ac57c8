// What people type to name a plan: its key ("LIB-FY2024-2026"), a fiscal year for ORSE's
// work plan ("FY 2023-2024", "FY24", "2024"), or a fiscal period plus a department in
// either order ("FY2024-2026 library", "Housing 2024-26").
import { parseFiscalYears } from './fiscal-calendar.js';

export interface PlanRef {
  /** The text as given, tried first as a plan key. */
  text: string;
  years: { startYear: number; endYear: number } | null;
  /** What is left once the fiscal years are taken out; empty means ORSE's work plan. */
  departmentQuery: string;
}

// A range first ("FY2024-2026", "2023-24"), then a single year ("FY24", "FY 2024", "2024").
const YEARS = /(?:\bFY\s*|\b)\d{4}\s*[-–/]\s*\d{2,4}\b|\bFY\s*\d{2}(?:\d{2})?\b|\b\d{4}\b/i;

export function parsePlanRef(text: string): PlanRef {
  const trimmed = text.trim();
  const m = YEARS.exec(trimmed);
  const years = m ? parseFiscalYears(m[0]) : null;
  const departmentQuery = m && years ? (trimmed.slice(0, m.index) + ' ' + trimmed.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim() : trimmed;
  return { text: trimmed, years, departmentQuery };
}

/** A plan's years fit: exactly, or the plan covers the single fiscal year asked for. */
export function planMatchesYears(
  plan: { fiscalStartYear: number; fiscalEndYear: number },
  years: { startYear: number; endYear: number },
): 'exact' | 'covers' | null {
  if (plan.fiscalStartYear === years.startYear && plan.fiscalEndYear === years.endYear) return 'exact';
  if (years.endYear - years.startYear === 1 && plan.fiscalStartYear < years.endYear && years.endYear <= plan.fiscalEndYear) return 'covers';
  return null;
}
