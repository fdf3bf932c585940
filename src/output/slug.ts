import slugify from '@sindresorhus/slugify';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * A safe ASCII file name from a block or class name ("Tòa A1 – Khu Đô Thị" →
 * "toa-a1-khu-do-thi"): only a–z, 0–9 and "-", so it can never leave its folder.
 * Names already used get "-2", "-3"…
 */
export function makeSlugger(fallback: string, o: { reserved?: readonly string[]; companions?: readonly string[] } = {}): (name: string) => string {
  // Names the batch writes itself are taken; so are a slug's companions ("6a-mat-sau"
  // beside "6a"), so that no class or block can be named onto another's file.
  const used = new Set<string>(o.reserved ?? []);
  const names = (slug: string) => [slug, ...(o.companions ?? []).map((suffix) => `${slug}${suffix}`)];
  return (name) => {
    let base = slugify(name, { decamelize: false, customReplacements: [['đ', 'd'], ['Đ', 'D']] }).slice(0, 60).replace(/-+$/, '') || fallback;
    if (WINDOWS_RESERVED.test(base)) base = `${base}-${fallback}`;
    let slug = base;
    for (let i = 2; names(slug).some((n) => used.has(n)); i++) slug = `${base}-${i}`;
    for (const n of names(slug)) used.add(n);
    return slug;
  };
}
