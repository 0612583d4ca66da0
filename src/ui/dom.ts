type Child = Node | string | number | null | undefined | false;

/**
 * Builds an element: `h('td', { class: 'status' }, '200')`. Children that are strings become text
 * nodes, so nothing a client sent is ever parsed as HTML.
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/API/Node/textContent
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | boolean | undefined>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : String(child));
  }
  return element;
}

/** The element with this id, of the expected kind; a page and script out of step fail loudly. */
export function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof kind)) throw new Error(`dashboard: #${id} is missing or not a ${kind.name}`);
  return element;
}

/** Shows a message in a status line (read out by screen readers: the lines are `role="status"`). */
export function say(target: HTMLElement, message: string, kind: 'ok' | 'error' = 'ok'): void {
  target.textContent = message;
  target.dataset.kind = kind;
}
