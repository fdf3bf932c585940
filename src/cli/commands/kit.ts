import { join } from 'node:path';
import { listGuides, renderGuide } from '../../content/guides.js';
import { layoutLeaflet } from '../../products/leaflet.js';
import { renderDocument } from '../../products/render.js';
import { loadUnit } from '../../products/unit-context.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { sourceDate } from '../output-options.js';

/** Every guide as an A5 leaflet, in PDF for printing and PNG for sharing. */
export async function kitCommand(o: { unit: string; out: string }): Promise<number> {
  const date = sourceDate();
  const unit = await loadUnit(o.unit);
  // Lay out everything first: a problem stops the run before any file is written.
  const docs = listGuides().map((info) => ({
    info,
    doc: layoutLeaflet({ profile: unit.profile, guide: renderGuide(info, unit.profile), paper: 'a5', logo: unit.logo }, unit.m),
  }));
  for (const { info, doc } of docs) {
    for (const format of ['pdf', 'png'] as const) {
      const [bytes] = await renderDocument(doc, unit.fonts, { format, dpi: 200, date });
      const path = join(o.out, `to-roi-${info.id}.${format}`);
      await writeFileAtomic(path, bytes!);
      process.stdout.write(`Đã tạo ${path}\n`);
    }
  }
  return 0;
}
