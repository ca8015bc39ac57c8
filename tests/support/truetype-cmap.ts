// The characters a TrueType font has glyphs for, read from its cmap table, so a test can
// say which characters of the app's words a font would draw. Only the two subtable formats
// fonts use for Unicode are read: 4 (the Basic Multilingual Plane, in segments) and 12
// (any plane, in groups). The layout is in the OpenType spec,
// https://learn.microsoft.com/typography/opentype/spec/cmap. A character is covered when it
// maps to a glyph other than 0 (glyph 0 is the "missing" box).

/** The code points the font maps to a real glyph, over all its Unicode subtables. */
export function cmapCodePoints(font: Buffer): Set<number> {
  const cmap = tableOffset(font, 'cmap');
  const covered = new Set<number>();
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const record = cmap + 4 + i * 8;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    // Unicode: platform 0, or Windows (3) with encoding 1 (BMP) or 10 (full repertoire).
    if (platform !== 0 && !(platform === 3 && (encoding === 1 || encoding === 10))) continue;
    const at = cmap + font.readUInt32BE(record + 4);
    const format = font.readUInt16BE(at);
    if (format === 4) readFormat4(font, at, covered);
    if (format === 12) readFormat12(font, at, covered);
  }
  return covered;
}

/** Where a table starts, from the table directory after the 12-byte font header. */
function tableOffset(font: Buffer, tag: string): number {
  const tables = font.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  throw new Error(`no ${tag} table`);
}

/** Segments of consecutive characters: end codes, a pad, start codes, deltas, range offsets. */
function readFormat4(font: Buffer, at: number, covered: Set<number>): void {
  const segments = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const start = font.readUInt16BE(starts + s * 2);
    const end = font.readUInt16BE(ends + s * 2);
    const delta = font.readInt16BE(deltas + s * 2);
    const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (c + delta) & 0xffff;
      } else {
        // The offset counts from where it is stored, into the glyph id array after it.
        glyph = font.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) covered.add(c);
    }
  }
}

/** Groups of consecutive characters mapped to consecutive glyphs. */
function readFormat12(font: Buffer, at: number, covered: Set<number>): void {
  const groups = font.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + g * 12;
    const start = font.readUInt32BE(group);
    const end = font.readUInt32BE(group + 4);
    const firstGlyph = font.readUInt32BE(group + 8);
    for (let c = start; c <= end; c++) if (firstGlyph + (c - start) !== 0) covered.add(c);
  }
}
