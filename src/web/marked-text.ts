/** A run of highlight text; `marked` runs matched what the reader typed. */
export interface TextSegment {
  text: string;
  marked: boolean;
}

const TOKEN = /<(\/?)mark>|<[^>]*>/gi;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The server's highlight HTML (escaped text with `<mark>` around matches) -> text segments.
 * @remarks The page renders these with text nodes and `<mark>` elements instead of
 * `innerHTML`, so even a malformed highlight cannot become markup; any other tag is dropped.
 * @example toMarkedSegments("<mark>secur</mark>ity &amp; more")
 *   -> [{ text: "secur", marked: true }, { text: "ity & more", marked: false }]
 */
export function toMarkedSegments(html: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let marked = false;
  let last = 0;
  const push = (raw: string) => {
    const text = decodeEntities(raw);
    if (text === '') return;
    const prev = segments.at(-1);
    if (prev && prev.marked === marked) prev.text += text;
    else segments.push({ text, marked });
  };
  for (const match of html.matchAll(TOKEN)) {
    push(html.slice(last, match.index));
    last = match.index + match[0].length;
    if (/^<\/?mark>$/i.test(match[0])) marked = match[1] !== '/';
  }
  push(html.slice(last));
  return segments;
}

/** Decodes the entities an HTML escaper emits. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()] ?? whole;
    const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Fills `target` with the highlight: text nodes and `<mark>` elements only. */
export function renderMarked(target: HTMLElement, html: string): HTMLElement {
  target.replaceChildren(
    ...toMarkedSegments(html).map((s) => {
      if (!s.marked) return document.createTextNode(s.text);
      const mark = document.createElement('mark');
      mark.textContent = s.text;
      return mark;
    }),
  );
  return target;
}
