// The floor: a fresh process that only draws already-laid-out pages with pdfkit and
// the same fonts, and writes the file. `node bench/floor.mjs pages.json out.pdf`
import { readFileSync, writeFileSync } from 'node:fs';
import { loadFonts } from '../dist/layout/fonts.js';
import { paintPdf } from '../dist/paint/pdf.js';

const doc = JSON.parse(readFileSync(process.argv[2], 'utf8'), (_key, v) => (v && v.type === 'Buffer' && Array.isArray(v.data) ? Buffer.from(v.data) : v));
writeFileSync(process.argv[3], await paintPdf(doc, loadFonts(), { links: process.argv[4] !== 'nolinks' }));
