// Finding a department from what someone typed: its code ("LIB"), its name ("San José
// Public Library") or a word of it ("library"), ignoring case and accents ("San Jose").
// When nothing matches exactly one department, the closest ones are offered instead.

export interface DepartmentRef {
  id: number;
  code: string;
  name: string;
}

export type DepartmentMatch<D extends DepartmentRef> = { found: D } | { found: null; suggestions: D[] };

const MAX_SUGGESTIONS = 5;

/** Lower case, accents and punctuation dropped, single spaces. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const words = (s: string) => normalizeName(s).split(' ').filter(Boolean);

export function matchDepartment<D extends DepartmentRef>(query: string, departments: readonly D[]): DepartmentMatch<D> {
  const q = normalizeName(query);
  if (q === '') return { found: null, suggestions: [] };
  const byCode = departments.find((d) => normalizeName(d.code) === q);
  if (byCode) return { found: byCode };
  const byName = departments.find((d) => normalizeName(d.name) === q);
  if (byName) return { found: byName };

  // Every typed word is a word (or the start of one) of the name: "library", "public lib".
  const qWords = q.split(' ');
  const byWords = departments.filter((d) => {
    const nameWords = words(d.name);
    return qWords.every((w) => nameWords.some((n) => n === w || (w.length >= 3 && n.startsWith(w))));
  });
  if (byWords.length === 1) return { found: byWords[0]! };
  if (byWords.length > 1) return { found: null, suggestions: byWords.slice(0, MAX_SUGGESTIONS) };

  return { found: null, suggestions: closest(q, departments) };
}

/** Departments whose code or a name word is within a couple of typos of the query. */
function closest<D extends DepartmentRef>(q: string, departments: readonly D[]): D[] {
  const scored = departments
    .map((d) => {
      // Short words ("of", "san") would make every department look close.
      const candidates = [normalizeName(d.code), normalizeName(d.name), ...words(d.name).filter((w) => w.length > 3)];
      const score = Math.min(...candidates.map((c) => (c.includes(q) || q.includes(c) ? 0 : editDistance(q, c))));
      return { d, score };
    })
    .filter((x) => x.score <= Math.max(2, Math.floor(q.length / 4)))
    .sort((a, b) => a.score - b.score || a.d.name.localeCompare(b.d.name));
  return scored.slice(0, MAX_SUGGESTIONS).map((x) => x.d);
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
