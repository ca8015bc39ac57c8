// Finding a strategy from words of its title ("/reap update storytimes spanish"): every
// typed word must be a word of the title, or the start of one (three letters or more),
// ignoring case, accents and punctuation, so "storytime" finds "storytimes".
import { normalizeName } from './department-match.js';

export function matchStrategiesByWords<S extends { text: string }>(query: string, strategies: readonly S[]): S[] {
  const typed = normalizeName(query).split(' ').filter(Boolean);
  if (typed.length === 0) return [];
  return strategies.filter((s) => {
    const title = normalizeName(s.text).split(' ');
    return typed.every((w) => title.some((n) => n === w || (w.length >= 3 && n.startsWith(w))));
  });
}
