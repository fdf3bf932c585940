/** Where a page, or a form drawn on it, names the fonts and XObjects it uses. */
export interface Resources {
  fonts: Record<string, PDFKit.PDFKitReference>;
  xobjects: Record<string, PDFKit.PDFKitReference>;
}

/**
 * The name `ref` goes by in `resources` (a page's or a form's): the first form
 * of a kind there is `${kind}1`, the second `${kind}2`, whatever the document
 * drew before. A page then writes the same operators in every document it is
 * drawn into (a class's handout, and the print room's file of all classes), and
 * its stream is deflated once (deflate-memo.ts).
 */
export function xobjectName(resources: Resources, kind: string, ref: PDFKit.PDFKitReference): string {
  let count = 0;
  for (const [name, placed] of Object.entries(resources.xobjects)) {
    if (placed === ref) return name;
    if (name.startsWith(kind)) count++;
  }
  const name = `${kind}${count + 1}`;
  resources.xobjects[name] = ref;
  return name;
}
