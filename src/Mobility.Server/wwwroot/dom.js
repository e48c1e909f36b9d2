// The page's only way to build markup. Names come from other tenants (an HR manager types a first name, a plant name):
// a string given here always becomes a text node, never HTML, so "<img onerror=…>" shows as typed and runs nothing.

/**
 * element("td", { className: "x", dataset: { plan: 3 } }, "text", otherNode, [more, children]): a new element.
 * Properties are DOM properties (className, hidden, type, colSpan…); `dataset` fills data-* attributes and `style`
 * is set through CSSOM, which the Content-Security-Policy allows (a style="" attribute in markup it would refuse).
 * Children may be strings, numbers, nodes or arrays of them; null, undefined and false are skipped.
 */
export function element(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (value == null) continue;
    if (name === "dataset") Object.assign(node.dataset, value);
    else if (name === "style") Object.assign(node.style, value);
    else node[name] = value;
  }
  node.append(...children.flat(Infinity).filter((child) => child != null && child !== false));
  return node;
}

/** A table row of plain cells. */
export const row = (...cells) => element("tr", {}, cells.map((cell) => element("td", {}, cell)));

/** A table with a header row of these titles and these rows. */
export const table = (titles, rows) =>
  element("table", {}, element("thead", {}, element("tr", {}, titles.map((title) => element("th", {}, title)))), element("tbody", {}, rows));

/** Leaflet writes a string tooltip as HTML; an element it inserts as is. */
export const tooltip = (text) => element("span", {}, text);
