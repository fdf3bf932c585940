// Code our dependencies carry for features vneid-print never uses, left out of the
// startup snapshot's bundle and the page's engine: less to load, to keep in memory
// and to download. Each stand-in fails loudly should that feature ever be reached.

/** fontkit decompresses WOFF2 with brotli (a 120 KB dictionary); we read TTF only (woff2 draws blank glyphs in pdfkit). */
const BROTLI = /^brotli\/decompress(\.js)?$/;
/** zod's messages in 60-odd languages: every message we show is our own Vietnamese one (profile.ts), and zod's default stays English. */
const ZOD_LOCALES = /^\.\.\/locales\/index\.js$/;
/** handlebars writes source maps only when asked for a srcName; without this module it uses its own plain code builder. */
const SOURCE_MAP = /^source-map$/;
/** pdfkit encrypts with AES only when a document is given a password; ours never are, and its tables cost ~6 ms to set up. */
const AES = /^@noble\/ciphers\/aes(\.js)?$/;

export const unusedDependencies = {
  name: 'unused-dependencies',
  setup(build) {
    build.onResolve({ filter: BROTLI }, () => ({ path: 'brotli', namespace: 'unused-dependency' }));
    build.onResolve({ filter: SOURCE_MAP }, () => ({ path: 'source-map', namespace: 'unused-dependency' }));
    build.onResolve({ filter: AES }, () => ({ path: 'aes', namespace: 'unused-dependency' }));
    build.onResolve({ filter: ZOD_LOCALES }, (args) => (/[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'unused-dependency' } : undefined));
    build.onLoad({ filter: /^zod-locales$/, namespace: 'unused-dependency' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    build.onLoad({ filter: /^aes$/, namespace: 'unused-dependency' }, () => ({
      contents: 'const none = () => { throw new Error("PDF encryption is not used here"); }; module.exports = { cbc: none, ecb: none };',
      loader: 'js',
    }));
    build.onLoad({ filter: /^brotli$/, namespace: 'unused-dependency' }, () => ({
      contents: 'module.exports = () => { throw new Error("WOFF2 fonts are not read here: use the TTF files"); };',
      loader: 'js',
    }));
    // handlebars requires it inside a try and falls back when it throws.
    build.onLoad({ filter: /^source-map$/, namespace: 'unused-dependency' }, () => ({
      contents: 'throw new Error("source-map is not bundled");',
      loader: 'js',
    }));
  },
};
