/**
 * Pure parsers for the file formats of the classic IR test collections (SMART dot-fields,
 * NPL slash blocks, qrels). They take text and return records; reading files is elsewhere.
 */

/** One record of a dot-field file: `.I` id, then one entry per field letter. */
export interface DotRecord {
  id: string;
  fields: Record<string, string>;
}

/** One relevance judgment: the query and document ids as written, and the grade. */
export interface Qrel {
  query: string;
  doc: string;
  grade: number;
}

const FIELD_LINE = /^\.([A-Z])(?:[ \t]+(.*))?$/;

/** Lines without CR, trailing blanks or a phantom last line (CRLF and missing final newline alike). */
function toLines(text: string): string[] {
  const lines = text.split(/\r?\n|\r/).map((l) => l.trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Parses a SMART dot-field file (`.I 12`, then `.T`, `.W`, ... each followed by text lines).
 * A field letter seen twice in one record is not a new field: its marker line is dropped and
 * the text stays in the current field (CRAN doc 240 has stray `.A`/`.B` lines inside `.W`).
 * Numeric ids lose leading zeros (`.I 001` -> "1").
 * @example parseDotFields(".I 1\n.T\nA title\n.W\nsome\ntext") -> [{ id: "1", fields: { T: "A title", W: "some\ntext" } }]
 */
export function parseDotFields(text: string): DotRecord[] {
  const records: DotRecord[] = [];
  let current: { id: string; fields: Record<string, string[]> } | undefined;
  let field: string | undefined;
  for (const line of toLines(text)) {
    const marker = FIELD_LINE.exec(line);
    if (marker?.[1] === 'I') {
      if (current) records.push(finishRecord(current));
      current = { id: normalizeId(marker[2] ?? ''), fields: {} };
      field = undefined;
      continue;
    }
    if (!current) continue;
    if (marker?.[1] !== undefined && current.fields[marker[1]] === undefined) {
      field = marker[1];
      current.fields[field] = marker[2] ? [marker[2]] : [];
      continue;
    }
    if (marker) continue;
    if (field !== undefined) current.fields[field]?.push(line);
  }
  if (current) records.push(finishRecord(current));
  return records;
}

function finishRecord(r: { id: string; fields: Record<string, string[]> }): DotRecord {
  const fields: Record<string, string> = {};
  for (const [key, lines] of Object.entries(r.fields)) fields[key] = lines.join('\n').trim();
  return { id: r.id, fields };
}

/**
 * Parses NPL's layout: blocks ended by a line whose trimmed content is `/`; the first token
 * of a block is its id and the rest is its text.
 * @example parseSlashBlocks("1\nsome text\n   /\n2\nMORE\n/") -> [{ id: "1", text: "some text" }, { id: "2", text: "MORE" }]
 */
export function parseSlashBlocks(text: string): { id: string; text: string }[] {
  const blocks: { id: string; text: string }[] = [];
  let lines: string[] = [];
  const flush = () => {
    const body = lines.join('\n').trim();
    lines = [];
    if (body === '') return;
    const match = /^(\S+)\s*([\s\S]*)$/.exec(body);
    if (match) blocks.push({ id: normalizeId(match[1] ?? ''), text: (match[2] ?? '').trim() });
  };
  for (const line of toLines(text)) {
    if (line.trim() === '/') flush();
    else lines.push(line);
  }
  flush();
  return blocks;
}

/**
 * Parses qrels written one judgment per line: `<query> <doc> [<grade>] ...`, split on any
 * whitespace. With `gradeColumn` the third column is the grade; otherwise every listed pair
 * has grade 1 (MED, CISI, CACM and ADI write `0 0.000000` there, which means nothing).
 * @example parseQrelLines("01 1410 0 0\n", { gradeColumn: false }) -> [{ query: "1", doc: "1410", grade: 1 }]
 */
export function parseQrelLines(text: string, options: { gradeColumn: boolean }): Qrel[] {
  const qrels: Qrel[] = [];
  for (const line of toLines(text)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 2 || cols[0] === '') continue;
    const grade = options.gradeColumn ? Number(cols[2]) : 1;
    if (!Number.isFinite(grade)) throw new Error(`qrels: bad grade in line "${line}"`);
    qrels.push({ query: normalizeId(cols[0] ?? ''), doc: normalizeId(cols[1] ?? ''), grade });
  }
  return qrels;
}

/**
 * Parses NPL's qrels: per block, the query id then the relevant doc ids, ended by `/`.
 * @example parseSlashQrels("1\n 12 40\n 7\n /\n") -> [{query:"1",doc:"12",grade:1}, {query:"1",doc:"40",grade:1}, {query:"1",doc:"7",grade:1}]
 */
export function parseSlashQrels(text: string): Qrel[] {
  return parseSlashBlocks(text).flatMap((block) =>
    block.text
      .split(/\s+/)
      .filter((t) => t !== '')
      .map((doc) => ({ query: block.id, doc: normalizeId(doc), grade: 1 })),
  );
}

/** "001" -> "1"; ids that are not plain digits are kept as written. */
export function normalizeId(id: string): string {
  const trimmed = id.trim();
  return /^\d+$/.test(trimmed) ? String(Number.parseInt(trimmed, 10)) : trimmed;
}
