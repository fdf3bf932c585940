const { loadUnitFor } = await import('../dist/cli/unit.js');
const { renderGuide, findGuide } = await import('../dist/content/guides.js');
const { layoutLeaflet } = await import('../dist/products/leaflet.js');
const unit = await loadUnitFor('examples/phuong-binh-thanh.yaml', []);
const counts = {};
for (const f of Object.values(unit.fonts.faces)) { const orig = f.font.layout; const seen = new Set(); f.font.layout = (t, ...r) => { seen.add(t); counts[f.id] = seen.size; return orig(t, ...r); }; }
const g = renderGuide(findGuide('kich-hoat'), unit.profile);
let t = performance.now();
layoutLeaflet({ profile: unit.profile, guide: g, paper: 'a5', logo: unit.logo }, unit.m);
console.log('first', performance.now() - t, counts);
t = performance.now();
layoutLeaflet({ profile: unit.profile, guide: renderGuide(findGuide('muc-2'), unit.profile), paper: 'a4', logo: unit.logo }, unit.m);
console.log('second', performance.now() - t, counts);
