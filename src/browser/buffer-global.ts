// pdfkit's browser build needs no Buffer, but the library's byte handling
// (readers of tables and profiles, memory sinks) and read-excel-file's helpers
// do: the engine's bundle gets this one in place of Node's.
export { Buffer } from 'buffer';
