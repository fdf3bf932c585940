import { formatDeadline } from '../../content/deadline.js';
import { listGuides } from '../../content/guides.js';

export async function guidesCommand(): Promise<number> {
  const guides = listGuides();
  const width = Math.max(...guides.map((g) => g.id.length));
  for (const g of guides) process.stdout.write(`${g.id.padEnd(width)}  ${g.title} (nội dung cập nhật ${formatDeadline(g.meta.reviewed)})\n`);
  return 0;
}
