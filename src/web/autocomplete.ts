import type { Suggestion } from '../api/types.js';
import { debounce } from './debounce.js';
import { latestOnly } from './latest-only.js';
import { moveActive } from './list-navigation.js';
import { renderSuggestion } from './render-suggestions.js';

/** Quiet time before asking for suggestions: fast typists send one request per pause. */
export const SUGGEST_DEBOUNCE_MS = 120;

/** What the combobox needs; the page decides what a pick does. */
export interface AutocompleteOptions {
  input: HTMLInputElement;
  listbox: HTMLElement;
  /** A polite live region announcing how many suggestions there are. */
  status: HTMLElement;
  fetchSuggestions(q: string, signal: AbortSignal): Promise<Suggestion[]>;
  /** Whether `q` is worth asking about (not empty, not too long). */
  accepts(q: string): boolean;
  onPick(suggestion: Suggestion): void;
}

/** The combobox controller's handle. */
export interface Autocomplete {
  /** Closes the list and forgets pending requests (after a search starts elsewhere). */
  reset(): void;
}

/**
 * Wires an ARIA 1.2 combobox (text box + listbox popup): debounced requests, stale answers
 * dropped, Up/Down to move, Enter to pick, Escape to close; focus stays in the text box and
 * `aria-activedescendant` points at the active option.
 */
export function attachAutocomplete(options: AutocompleteOptions): Autocomplete {
  const { input, listbox, status } = options;
  let items: Suggestion[] = [];
  let active = -1;
  const requests = latestOnly((signal, q: string) => options.fetchSuggestions(q, signal));
  const request = debounce((q: string) => void load(q), SUGGEST_DEBOUNCE_MS);

  async function load(q: string): Promise<void> {
    const outcome = await requests.run(q);
    if (outcome.status === 'stale') return;
    // A failed suggestion request is not worth an error message: the search still works.
    show(outcome.status === 'done' ? outcome.value : []);
  }

  function show(suggestions: Suggestion[]): void {
    items = suggestions;
    active = -1;
    listbox.replaceChildren(
      ...items.map((s, i) => renderSuggestion(s, optionId(i), i === 0 || items[i - 1]?.type !== s.type)),
    );
    setOpen(items.length > 0);
    status.textContent = items.length > 0 ? `${items.length} suggestions. Use the up and down arrows to choose.` : '';
  }

  function setOpen(open: boolean): void {
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) setActive(-1);
  }

  function setActive(index: number): void {
    active = index;
    listbox
      .querySelectorAll('[role="option"]')
      .forEach((el, i) => el.setAttribute('aria-selected', String(i === index)));
    const option = index >= 0 ? document.getElementById(optionId(index)) : null;
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function pick(index: number): void {
    const suggestion = items[index];
    if (!suggestion) return;
    reset();
    options.onPick(suggestion);
  }

  function reset(): void {
    request.cancel();
    requests.cancel();
    items = [];
    listbox.replaceChildren();
    status.textContent = '';
    setOpen(false);
  }

  const optionId = (i: number) => `${listbox.id}-option-${i}`;
  const isOpen = () => !listbox.hidden;

  input.addEventListener('input', () => {
    const q = input.value;
    if (options.accepts(q)) request.call(q);
    else reset();
  });

  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        if (!isOpen()) {
          if (items.length > 0) setOpen(true);
          else if (options.accepts(input.value)) void load(input.value);
          if (items.length === 0 || step === 1) return;
        }
        setActive(moveActive(active, items.length, step));
        return;
      }
      case 'Enter':
        if (isOpen() && active >= 0) {
          event.preventDefault();
          pick(active);
        } else {
          // The form submits the typed text; a late answer must not reopen the list.
          reset();
        }
        return;
      case 'Escape':
        if (isOpen()) {
          event.preventDefault();
          setOpen(false);
        }
        return;
      case 'Tab':
        setOpen(false);
        return;
    }
  });

  input.addEventListener('blur', () => setOpen(false));
  // Keeps focus in the text box while the pointer is on the list, so blur does not close it first.
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const option = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
    const index = option ? [...listbox.children].indexOf(option) : -1;
    if (index >= 0) pick(index);
  });

  return { reset };
}
