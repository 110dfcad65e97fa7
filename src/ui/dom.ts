/** Small DOM helpers: elements are built with properties and children, never from HTML strings. */

type Props = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/** An HTML element. Props set attributes (`hidden: true` sets a bare attribute, `false`/undefined skips). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttributes(el, props);
  append(el, children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element, same conventions as h(). */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttributes(el, props);
  append(el, children);
  return el;
}

function setAttributes(el: Element, props: Props): void {
  for (const key in props) {
    const value = props[key];
    if (value === undefined || value === false) continue;
    el.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
}

/** The element with this id, which the page's HTML guarantees. */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`playground: #${id} is missing from the page`);
  return el as T;
}

/** Fixed-point text for a number in [0,1]. */
export const fmt = (x: number, digits = 2): string => x.toFixed(digits);
