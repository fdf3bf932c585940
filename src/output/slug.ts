import slugify from '@sindresorhus/slugify';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * A safe ASCII file name from a block or class name ("Tòa A1 – Khu Đô Thị" →
 * "toa-a1-khu-do-thi"): only a–z, 0–9 and "-", so it can never leave its folder.
 * Names already used get "-2", "-3"…
 */
export function makeSlugger(fallback: string): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    let base = slugify(name, { decamelize: false, customReplacements: [['đ', 'd'], ['Đ', 'D']] }).slice(0, 60).replace(/-+$/, '') || fallback;
    if (WINDOWS_RESERVED.test(base)) base = `${base}-${fallback}`;
    let slug = base;
    for (let i = 2; used.has(slug); i++) slug = `${base}-${i}`;
    used.add(slug);
    return slug;
  };
}
