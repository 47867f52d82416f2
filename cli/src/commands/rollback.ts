import { EXIT } from '../errors.js';
import { Rollback } from '../operations.js';
import type { Output } from '../output.js';
import { openSession } from '../session.js';

/** Makes an earlier deploy current again (api.md `rollback`: at once, no rebuild). */
export async function rollback(out: Output, deployId: string): Promise<number> {
  const { api } = await openSession(out);
  const { rollback: d } = await api.request(Rollback, { deployId });
  out.result(
    {
      deployId: d.id,
      siteId: d.site.id,
      number: d.number,
      status: d.status,
      url: d.url,
      permalink: d.permalink,
    },
    `Rolled back ${d.site.slug}: deploy #${d.number} is ${d.status}, serving deploy ${deployId} again.\n${d.url}`,
  );
  return EXIT.OK;
}
