import { foldCase } from '../../../text/normalize.js';

/**
 * Facet values <-> small integer ids. Values that differ only in case or accents share an
 * id (as Meilisearch groups them); the first spelling seen is the one shown.
 */
export class Dictionary {
  readonly #ids = new Map<string, number>();
  readonly #names: string[] = [];
  #initials: { size: number; ids: Map<string, number[]> } | undefined;

  /** A dictionary holding `names` with ids 0, 1, ... in order (as `names()` gave them). */
  static fromNames(names: readonly string[]): Dictionary {
    const dict = new Dictionary();
    for (const name of names) dict.add(name);
    return dict;
  }

  /** Display spellings by id. */
  names(): readonly string[] {
    return this.#names;
  }

  /** Id of a value, adding it when new. */
  add(value: string): number {
    const key = foldCase(value);
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#names.length;
      this.#ids.set(key, id);
      this.#names.push(value);
    }
    return id;
  }

  /** Id of a value compared case- and accent-insensitively, or -1. */
  find(value: string): number {
    return this.#ids.get(foldCase(value)) ?? -1;
  }

  /** Display spelling of an id. */
  name(id: number): string {
    return this.#names[id] ?? '';
  }

  get size(): number {
    return this.#names.length;
  }

  /**
   * Ids of the values with a word starting with `letter` (folded): autocomplete matches typed
   * text at the start of a value's words, so the other values need no look.
   */
  withWordStarting(letter: string): readonly number[] {
    if (!this.#initials || this.#initials.size !== this.#names.length) {
      const ids = new Map<string, number[]>();
      this.#names.forEach((name, id) => {
        for (const initial of new Set(Array.from(foldCase(name).matchAll(/[\p{L}\p{N}]+/gu), (m) => m[0][0]!))) {
          const list = ids.get(initial);
          if (list) list.push(id);
          else ids.set(initial, [id]);
        }
      });
      this.#initials = { size: this.#names.length, ids };
    }
    return this.#initials.ids.get(letter) ?? [];
  }

  /** Every id whose display spelling satisfies a test (for facet-value search). */
  *entries(): IterableIterator<[id: number, name: string]> {
    for (let id = 0; id < this.#names.length; id++) yield [id, this.#names[id]!];
  }
}
