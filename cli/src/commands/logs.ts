import { socketClient, subscribe } from '../api/ws.js';
import { CliError, EXIT } from '../errors.js';
import { DeployLog, DeployLogs, DeployState } from '../operations.js';
import type { Output } from '../output.js';
import { openSession } from '../session.js';

interface Line {
  seq: number;
  at: string;
  stream: string;
  text: string;
}

const PAGE = 1000;

/**
 * Prints a deploy's log: the stored lines page by page, or with `follow` the deployLog subscription
 * (stored lines, then live ones until the deploy ends; no gaps, no repeats). With --json, one JSON object
 * per line. Following a deploy that ends FAILED exits with the deploy-failed status.
 */
export async function logs(out: Output, deployId: string, opts: { follow?: boolean }): Promise<number> {
  const { api, settings } = await openSession(out);
  const print = (line: Line) => out.result(line, line.text);
  if (!opts.follow) {
    let after: number | null = null;
    for (;;) {
      const answer = await api.request(DeployLogs, { id: deployId, after, first: PAGE });
      if (!answer.deploy) throw notFound(deployId);
      const lines: Line[] = answer.deploy.logs;
      for (const line of lines) print(line);
      if (lines.length < PAGE) return EXIT.OK;
      after = lines[lines.length - 1]!.seq;
    }
  }
  // The query first: an unknown id is a clear NOT_FOUND before any socket opens.
  if (!(await api.request(DeployState, { id: deployId })).deploy) throw notFound(deployId);
  const client = socketClient(settings);
  try {
    for await (const { deployLog } of subscribe(client, settings.url, DeployLog, { deployId, after: null })) {
      print(deployLog);
    }
  } finally {
    await client.dispose();
  }
  const end = (await api.request(DeployState, { id: deployId })).deploy;
  if (end?.status === 'FAILED') {
    out.write(process.stderr, `launchpad: deploy #${end.number} FAILED: ${end.error ?? 'no reason given'}\n`);
    return EXIT.DEPLOY_FAILED;
  }
  return end?.status === 'CANCELLED' ? EXIT.DEPLOY_CANCELLED : EXIT.OK;
}

const notFound = (id: string) => new CliError('NOT_FOUND', `no deploy ${JSON.stringify(id)}`);
