/**
 * Sections for Reuters-21578 stories, from the category groups of
 * `cat-descriptions_120396.txt`: "**Energy Codes (9)" followed by lines such as
 * "Crude Oil (CRUDE)" or a bare "COCOA".
 */

/** Section of a story without any TOPICS value, or whose topics are in no group. */
export const DEFAULT_REUTERS_SECTION = 'General';

// Group heading -> section name; groups not listed keep their heading minus " Codes".
const GROUP_SECTIONS: Record<string, string> = {
  'Economic Indicator': 'Economic Indicators',
  Commodity: 'Commodities',
};

const GROUP_HEADING = /^\*\*([^*].*?) Codes \(\d+\)\s*$/;
const TOP_HEADING = /^\*{4}/;
const CODE_LINE = /^(?:(.*?)\s*\(([A-Z0-9-]+)\)|([A-Z0-9-]+))\s*$/;

/**
 * Category descriptions text -> topic (lower case, as in the `<D>` tags) -> section. The few
 * subject codes listed before any group ("Shipping (SHIP)") become their own section, named
 * by their description.
 * @example "**Energy Codes (9)\nCrude Oil (CRUDE)" -> Map { "crude" => "Energy" }
 */
export function parseTopicSections(descriptions: string): Map<string, string> {
  const sections = new Map<string, string>();
  let group: string | undefined;
  let inSubjects = false;
  for (const raw of descriptions.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('_') || line.startsWith('@')) {
      // The organisation, exchange, place and people lists follow: not topics.
      if (inSubjects) break;
      continue;
    }
    const heading = GROUP_HEADING.exec(line);
    if (TOP_HEADING.test(line)) inSubjects = /Subject Codes/.test(line);
    else if (heading?.[1]) group = GROUP_SECTIONS[heading[1]] ?? heading[1];
    else if (inSubjects && line !== '') addCode(sections, line, group);
  }
  return sections;
}

function addCode(sections: Map<string, string>, line: string, group: string | undefined): void {
  const match = CODE_LINE.exec(line);
  if (!match) return;
  const [, description, code, bareCode] = match;
  const topic = (code ?? bareCode ?? '').toLowerCase();
  const section = group ?? description;
  if (topic !== '' && section) sections.set(topic, section);
}

/** The section of the first topic that has one, else "General". */
export function sectionForTopics(topics: readonly string[], sections: ReadonlyMap<string, string>): string {
  for (const topic of topics) {
    const section = sections.get(topic.toLowerCase());
    if (section) return section;
  }
  return DEFAULT_REUTERS_SECTION;
}
