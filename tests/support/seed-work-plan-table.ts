// The work-plan table of ORSE's FY 2023-2024 annual report, parsed straight from the seed
// document (not from the seed's constant), for the tests that must reproduce it.
import fs from 'node:fs';
import path from 'node:path';

export const SEED_MEMO_PATH = path.resolve(import.meta.dirname, '../../../shared/seeds/000_3efae15d370abf39.txt');

/** "<p>a</p> <p>b</p>" is two paragraphs (a line break); "\$" is the converter's escape of "$". */
function cellText(raw: string): string {
  const paragraphs = raw.match(/<p>[\s\S]*?<\/p>/g);
  const text = paragraphs ? paragraphs.map((p) => p.slice('<p>'.length, -'</p>'.length)).join('\n') : raw;
  return text.replaceAll('\\$', '$').trim();
}

/** The attachment's table as rows of four cells, objective rows included, page headers left out. */
export function seedTableRows(doc: string): string[][] {
  const lines = doc.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith('Office of Racial Equity Work Plan') && l.includes('Our VISION'));
  if (start < 0) throw new Error('attachment not found in the seed document');
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    const objective = /^(Objective \d+: [^\t]+)\t*$/.exec(line);
    if (objective) {
      rows.push([objective[1]!.trim(), '', '', '']);
      continue;
    }
    const cells = line.split('\t');
    if (!/^\d+\. /.test(cellText(cells[0] ?? ''))) continue;
    if (cells.length !== 4) throw new Error(`row with ${cells.length} cells: ${line.slice(0, 60)}`);
    rows.push(cells.map(cellText));
  }
  return rows;
}

export const readSeedTableRows = (): string[][] => seedTableRows(fs.readFileSync(SEED_MEMO_PATH, 'utf8'));
