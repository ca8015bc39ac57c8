import { describe, expect, it } from 'vitest';
import { editDistance, matchDepartment, normalizeName } from '../../../src/domain/department-match.js';

const departments = [
  { id: 1, code: 'LIB', name: 'San José Public Library' },
  { id: 2, code: 'HOUSING', name: 'Housing Department' },
  { id: 3, code: 'DOT', name: 'Department of Transportation' },
  { id: 4, code: 'SJCE', name: 'San José Clean Energy' },
  { id: 5, code: 'PRNS', name: 'Parks, Recreation and Neighborhood Services' },
];

describe('matchDepartment', () => {
  it.each(['LIB', 'lib', ' Lib ', 'library', 'San José Public Library', 'SAN JOSE PUBLIC LIBRARY', 'public library', 'public lib'])(
    'finds the Library from %j',
    (q) => {
      expect(matchDepartment(q, departments)).toEqual({ found: departments[0] });
    },
  );

  it('finds by a distinctive word', () => {
    expect(matchDepartment('transportation', departments)).toEqual({ found: departments[2] });
    expect(matchDepartment('parks', departments)).toEqual({ found: departments[4] });
  });

  it('offers every department a shared word fits, rather than guessing', () => {
    const m = matchDepartment('department', departments);
    expect(m.found).toBeNull();
    expect('suggestions' in m && m.suggestions.map((d) => d.code)).toEqual(['HOUSING', 'DOT']);
  });

  it('suggests near misses for typos', () => {
    const m = matchDepartment('libary', departments);
    expect(m.found).toBeNull();
    expect('suggestions' in m && m.suggestions.map((d) => d.code)).toContain('LIB');
    const none = matchDepartment('zzzzzz', departments);
    expect(none).toEqual({ found: null, suggestions: [] });
  });
});

describe('helpers', () => {
  it('normalizes accents, case and punctuation', () => {
    expect(normalizeName('  Parks, Recreation & Neighborhood  ')).toBe('parks recreation neighborhood');
    expect(normalizeName('San José')).toBe('san jose');
  });
  it('measures edit distance', () => {
    expect(editDistance('libary', 'library')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
