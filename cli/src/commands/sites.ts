import { EXIT } from '../errors.js';
import { table } from '../format.js';
import { Sites } from '../operations.js';
import type { Output } from '../output.js';
import { openSession } from '../session.js';

export async function sites(out: Output): Promise<number> {
  const { api } = await openSession(out);
  const { sites } = await api.request(Sites, {});
  const rows = sites.map((s) => [
    s.slug,
    s.sourceType,
    s.status,
    s.currentDeploy ? `#${s.currentDeploy.number} ${s.currentDeploy.status}` : '-',
    s.url,
  ]);
  out.result(
    sites,
    sites.length ? table(['SLUG', 'SOURCE', 'STATUS', 'DEPLOY', 'URL'], rows) : 'No sites yet.',
  );
  return EXIT.OK;
}
