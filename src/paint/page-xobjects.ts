/**
 * The name `ref` goes by in the current page's resources: the page's first form
 * of a kind is `${kind}1`, its second `${kind}2`, whatever the document drew
 * before. A page then writes the same operators in every document it is drawn
 * into (a class's handout, and the print room's file of all classes), and its
 * stream is deflated once (deflate-memo.ts).
 */
export function pageXObject(pdf: PDFKit.PDFDocument, kind: string, ref: PDFKit.PDFKitReference): string {
  const xobjects = (pdf.page as unknown as { xobjects: Record<string, PDFKit.PDFKitReference> }).xobjects;
  let count = 0;
  for (const [name, placed] of Object.entries(xobjects)) {
    if (placed === ref) return name;
    if (name.startsWith(kind)) count++;
  }
  const name = `${kind}${count + 1}`;
  xobjects[name] = ref;
  return name;
}
