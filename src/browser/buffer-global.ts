// pdfkit's browser build needs no Buffer, but the parsers (iconv-lite, the
// legacy decoders) and a few of the library's own byte helpers do: the
// engine's bundle gets this one in place of Node's.
export { Buffer } from 'buffer';
