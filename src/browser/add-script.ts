// Loads a classic script into the page: the engine (where no worker can start)
// and ZXing's WebAssembly, the only way a page opened from a file:// address
// can load more of itself. Typed without the DOM: the engine is checked as a worker.

interface ScriptDocument {
  createElement(tag: 'script'): { src: string; onload: (() => void) | null; onerror: (() => void) | null };
  head: { appendChild(node: unknown): unknown };
}

export function addScript(src: string, doc: ScriptDocument = (globalThis as unknown as { document: ScriptDocument }).document): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    doc.head.appendChild(script);
  });
}
