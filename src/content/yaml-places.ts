import { isMap, isScalar, LineCounter, type Document, type Node } from 'yaml';

/** Finds the line of a field in a parsed YAML document, so errors can point at it. */
export function makeLineFinder(doc: Document, counter: LineCounter) {
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? counter.linePos(node.range[0]).line : undefined;

  return (path: readonly PropertyKey[], key?: string): number | undefined => {
    const segments = path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (key !== undefined) {
      const parent = segments.length ? doc.getIn(segments, true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((it) => isScalar(it.key) && String(it.key.value) === key);
        if (pair && isScalar(pair.key)) return lineOf(pair.key);
      }
    }
    // Walk up until a node exists: a missing field is reported at its parent.
    for (let n = segments.length; n > 0; n--) {
      const node = doc.getIn(segments.slice(0, n), true) as Node | undefined;
      const line = lineOf(node);
      if (line) return line;
    }
    return lineOf(doc.contents as Node | null);
  };
}
