/** The element of `kind` that `selector` finds under `root`; the pages are ours, so a miss is a bug. */
export function required<T extends Element>(
  selector: string,
  kind: abstract new () => T,
  root: ParentNode = document,
): T {
  const element = root.querySelector(selector);
  if (!(element instanceof kind)) throw new TypeError(`The page has no ${selector}.`);
  return element;
}
