/** Attribute values for `h`: `true` sets an empty attribute, `false`/`undefined` leave it out. */
export type Attrs = Record<string, string | number | boolean | undefined>;
/** Children for `h`: strings become text nodes, never HTML. */
export type Child = Node | string | false | null | undefined;

/**
 * Creates an element; text goes in as text nodes, so nothing here can inject markup.
 * @example h("a", { href: "?q=x", class: "link" }, "x") -> <a href="?q=x" class="link">x</a>
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children.filter((c): c is Node | string => c !== false && c !== null && c !== undefined));
  return el;
}

/**
 * Replaces the children of `container`; if focus was on an element with a `data-key`
 * inside it, the new element with the same key gets focus, so re-rendering facets after
 * ticking a box does not throw the keyboard user back to the top.
 */
export function replaceKeepingFocus(container: HTMLElement, ...children: Node[]): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset['key'] : undefined;
  container.replaceChildren(...children);
  if (key === undefined) return;
  const next = [...container.querySelectorAll<HTMLElement>('[data-key]')].find((el) => el.dataset['key'] === key);
  next?.focus({ preventScroll: true });
}

/** The element with `id`, or an error naming it (the page's HTML and script ship together). */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`#${id} is missing from the page`);
  return el;
}
