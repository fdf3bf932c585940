// The tools a unit would use instead, fed the same content and font as vneid-print:
// Typst (a devDependency) for a leaflet, LibreOffice for parent handouts, gLabels
// for sticker sheets. The bench installs nothing: a peer that is not on this
// machine is skipped and the table says so.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const FACES = ['400Regular/BeVietnamPro_400Regular.ttf', '600SemiBold/BeVietnamPro_600SemiBold.ttf', '700Bold/BeVietnamPro_700Bold.ttf', '800ExtraBold/BeVietnamPro_800ExtraBold.ttf'];
/** The four Be Vietnam Pro files vneid-print embeds, from the same package. */
export const FONT_FILES = FACES.map((f) => require.resolve(`@expo-google-fonts/be-vietnam-pro/${f}`));
export const FONT_DIRS = [...new Set(FONT_FILES.map((f) => dirname(f)))];

const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || undefined;

/** Which peers this machine has. */
export function findPeers() {
  let typst;
  try {
    typst = require.resolve('@myriaddreamin/typst-ts-node-compiler');
  } catch {
    typst = undefined;
  }
  return { typst, soffice: which('soffice'), glabels: which('glabels-3-batch') };
}

/**
 * A fontconfig setup that finds Be Vietnam Pro in the npm package and nothing
 * else of the user's: LibreOffice and gLabels then set the same font, and
 * nothing is installed. Returns the environment to run them with.
 */
export function fontconfigEnv(work) {
  const conf = join(work, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n${FONT_DIRS.map((d) => `  <dir>${d}</dir>`).join('\n')}\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <cachedir>${join(work, 'fc-cache')}</cachedir>\n</fontconfig>\n`,
  );
  return { FONTCONFIG_FILE: conf };
}

const plainText = (rich) => rich.map((s) => s.text).join('');
const xml = (s) => String(s).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const typStr = (s) => `"${String(s).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
const typRich = (rich) => rich.map((s) => (s.strong ? `#strong(${typStr(s.text)})` : `#${typStr(s.text)}`)).join('');
const bits = (modules) => modules.map((row) => row.map((b) => (b ? '1' : '0')).join(''));

/**
 * A Typst leaflet with the guide's content as vneid-print lays it out on A5: the
 * unit, title, audience, numbered steps, notes, the two store codes (drawn as
 * module grids from the same matrices), contact, deadline and venues.
 */
export function typstLeaflet({ guide, profile, qr }) {
  const steps = guide.steps
    .map((s) => `  [#text(weight: 600)[${typRich(s.title)}]${s.paragraphs.map((p) => ` \\ ${typRich(p)}`).join('')}${s.bullets.map((b) => ` \\ • ${typRich(b)}`).join('')}],`)
    .join('\n');
  const notes = guide.notes.map((n) => `#block(fill: rgb("#FFF4E5"), inset: 6pt, radius: 3pt, width: 100%)[${typRich(n)}]`).join('\n');
  const venues = (profile.venues ?? []).map((v) => `- #strong(${typStr(v.name)}): #${typStr(`${v.address}${v.hours ? ` (${v.hours})` : ''}`)}`).join('\n');
  const code = (label, m) => `align(center)[#qr((${bits(m).map(typStr).join(', ')},), 22mm) \\ #text(size: 9pt, weight: 600)[${typStr(label).slice(1, -1)}]]`;
  return `#set page(paper: "a5", margin: 12mm)
#set text(font: "Be Vietnam Pro", size: 10pt, lang: "vi")
#set par(justify: false, leading: 0.55em)
#let qr(rows, size) = {
  let n = rows.len() + 8
  let cell = size / n
  box(width: size, height: size, fill: white, {
    for (y, row) in rows.enumerate() {
      for (x, c) in row.clusters().enumerate() {
        if c == "1" { place(dx: (x + 4) * cell, dy: (y + 4) * cell, rect(width: cell, height: cell, fill: black, stroke: none)) }
      }
    }
  })
}
#text(size: 9pt)[#${typStr(profile.unit.parent ?? '')}] \\
#text(size: 11pt, weight: 700)[#${typStr(profile.unit.name)}]
#v(4pt)
#text(size: 20pt, weight: 800, fill: rgb("#0B3D91"))[#${typStr(guide.title)}]
#v(2pt)
#text(size: 10pt, style: "normal")[#${typStr(guide.audience ?? '')}]
${guide.intro.map((p) => `\n${typRich(p)}`).join('\n')}
#enum(
${steps}
)
${notes}
#grid(columns: (1fr, 1fr), ${code('iPhone: App Store', qr.ios)}, ${code('Android: CH Play', qr.android)})
#strong[Liên hệ:] #${typStr(`${profile.contact.name}, ${profile.contact.title ?? ''} – ${profile.contact.phone}`)}
${venues}
`;
}

/** Compiles a .typ file to PDF in a fresh process, as a user of Typst from Node would. */
export function typstRunner(work) {
  const file = join(work, 'typst-compile.mjs');
  writeFileSync(
    file,
    `import { readFileSync, writeFileSync } from 'node:fs';
import { NodeCompiler } from ${JSON.stringify(require.resolve('@myriaddreamin/typst-ts-node-compiler'))};
const [src, out] = process.argv.slice(2);
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: ${JSON.stringify(FONT_DIRS)} }] });
writeFileSync(out, compiler.pdf({ mainFileContent: readFileSync(src, 'utf8') }));
`,
  );
  return file;
}

/**
 * One class's handout as a flat ODT (what a clerk makes with LibreOffice and mail
 * merge): two A5 pages, the guide's steps, the tear-off slip, the class box and
 * three code pictures (the class's Zalo group, iPhone, Android) as PNG.
 */
export function handoutFodt({ guide, profile, cls, pngs }) {
  const p = (style, text) => `<text:p text:style-name="${style}">${text}</text:p>`;
  const rich = (r) => r.map((s) => (s.strong ? `<text:span text:style-name="B">${xml(s.text)}</text:span>` : xml(s.text))).join('');
  const half = Math.ceil(guide.steps.length / 2);
  const step = (s, i) => p('Step', `${i + 1}. ${rich(s.title)}`) + s.paragraphs.map((x) => p('Body', rich(x))).join('') + s.bullets.map((b) => p('Body', `• ${rich(b)}`)).join('');
  const image = (name, png) =>
    `<draw:frame draw:name="${name}" text:anchor-type="as-char" svg:width="2.6cm" svg:height="2.6cm"><draw:image><office:binary-data>${png.toString('base64')}</office:binary-data></draw:image></draw:frame>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Be Vietnam Pro" svg:font-family="'Be Vietnam Pro'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Be Vietnam Pro" fo:font-size="10pt" fo:language="vi" fo:country="VN"/></style:default-style>
<style:style style:name="Title" style:family="paragraph"><style:text-properties style:font-name="Be Vietnam Pro" fo:font-size="18pt" fo:font-weight="800" fo:color="#0B3D91"/></style:style>
<style:style style:name="Step" style:family="paragraph"><style:paragraph-properties fo:margin-top="4pt"/><style:text-properties style:font-name="Be Vietnam Pro" fo:font-size="11pt" fo:font-weight="600"/></style:style>
<style:style style:name="Body" style:family="paragraph"><style:text-properties style:font-name="Be Vietnam Pro" fo:font-size="10pt"/></style:style>
<style:style style:name="Slip" style:family="paragraph"><style:paragraph-properties fo:margin-top="12pt" fo:border-top="0.5pt dashed #000000"/><style:text-properties style:font-name="Be Vietnam Pro" fo:font-size="9pt"/></style:style>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="700"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A5"><style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="1.2cm" fo:margin-right="1.2cm"/></style:page-layout>
<style:style style:name="Break" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:break-before="page"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A5"/></office:master-styles>
<office:body><office:text>
${p('Body', xml(profile.unit.name))}
${p('Title', xml(guide.title))}
${p('Body', xml(guide.audience ?? ''))}
${guide.intro.map((x) => p('Body', rich(x))).join('')}
${guide.steps.slice(0, half).map(step).join('\n')}
${p('Slip', `PHIẾU XÁC NHẬN – Lớp ${xml(cls.name)}. Họ tên học sinh: ………………… Phụ huynh đã kích hoạt VNeID: □ Rồi □ Chưa. Ký tên: …………`)}
${p('Break', '')}
${guide.steps.slice(half).map((s, i) => step(s, i + half)).join('\n')}
${guide.notes.map((n) => p('Body', rich(n))).join('')}
${p('Step', `Lớp ${xml(cls.name)} – ${xml(cls.teacher ?? '')} – ${xml(cls.phone ?? '')}`)}
${p('Body', `${image('zalo', pngs.zalo)} ${image('ios', pngs.ios)} ${image('android', pngs.android)}`)}
${p('Body', `Nhóm Zalo lớp ${xml(cls.name)} · iPhone: App Store · Android: CH Play`)}
${(profile.venues ?? []).map((v) => p('Body', `${xml(v.name)}: ${xml(v.address)}`)).join('')}
</office:text></office:body></office:document>
`;
}

/** The Avery L7165 sheet (A4, 2 × 4 labels of 99.1 × 67.7 mm) that a4-2x4 prints on, with gLabels' own template for it. */
export function stickerGlabels({ profile, reminder, csv }) {
  const text = (x, y, w, h, size, weight, body, justify = 'Left') =>
    `<Object-text x="${x}pt" y="${y}pt" w="${w}pt" h="${h}pt" justify="${justify}" valign="Top" auto_shrink="False" a0="1" a1="0" a2="0" a3="1" a4="0" a5="0"><Span color="0x000000ff" font_family="Be Vietnam Pro" font_size="${size}" font_weight="${weight}" font_italic="False" line_spacing="1">${body}</Span></Object-text>`;
  const code = (x, url) => `<Object-barcode x="${x}pt" y="26pt" w="72pt" h="72pt" style="IEC18004" backend="libqrencode" text="False" checksum="True" color="0x000000ff" data="${xml(url)}" a0="1" a1="0" a2="0" a3="1" a4="0" a5="0"/>`;
  const steps = reminder.steps.map((s, i) => `${i + 1}. ${xml(plainText(s.title))}`).join('<NL/>');
  return `<?xml version="1.0"?>
<Glabels-document xmlns="http://glabels.org/xmlns/3.0/">
  <Template brand="Avery" part="7165" size="A4" description="Address Labels">
    <Meta category="label"/>
    <Label-rectangle id="0" width="280.8pt" height="191.991pt" round="0pt" x_waste="0pt" y_waste="0pt">
      <Markup-margin size="5pt"/>
      <Layout nx="2" ny="4" x0="13.181pt" y0="37.134pt" dx="287.887pt" dy="191.991pt"/>
    </Label-rectangle>
  </Template>
  <Objects id="0" rotate="False">
    ${text(8, 6, 265, 18, 13, 'Bold', xml(reminder.title), 'Center')}
    ${code(20, profile.qr.ios)}
    ${code(105, profile.qr.android)}
    ${text(20, 99, 80, 10, 7, 'Bold', 'iPhone', 'Center')}
    ${text(105, 99, 80, 10, 7, 'Bold', 'Android', 'Center')}
    ${text(190, 26, 85, 80, 8, 'Bold', '<Field name="block"/><NL/><Field name="address"/>')}
    ${text(8, 112, 265, 40, 7, 'Regular', steps)}
    ${text(8, 152, 265, 12, 7, 'Bold', xml(plainText(reminder.notes[0] ?? [])))}
    ${text(8, 164, 265, 20, 7, 'Regular', `Hỗ trợ: ${xml(profile.contact.phone)} · ${xml(profile.unit.name)}`)}
  </Objects>
  <Merge type="Text/Comma/Line1Keys" src="${xml(csv)}"/>
  <Data/>
</Glabels-document>
`;
}

/** Writes one .fodt per class into `dir` and returns their paths. */
export function writeHandoutPeers(dir, items) {
  mkdirSync(dir, { recursive: true });
  return items.map((item, i) => {
    const file = join(dir, `lop-${String(i + 1).padStart(3, '0')}.fodt`);
    writeFileSync(file, handoutFodt(item));
    return file;
  });
}
