import { type ExecutionResult, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createEventBus, type PubSub } from '../src/events/pubsub.js';
import {
  deployWithLog,
  lineOf,
  readToEnd,
  settle,
  subscribeLog,
  useLogDatabase,
} from './support/deploy-log.js';

// deployLog against the real schema, database and bus, with the interleavings a real server only hits
// under load made certain: each step below runs in the order a loaded machine may run it.

const LOG = parse('subscription($id: ID!) { deployLog(deployId: $id) { seq text } }');

const db = useLogDatabase('deploy-log-end');

/** A deploy under way (as a rollback is while it publishes), with its log sink and two lines stored. */
async function publishingDeploy(bus: PubSub) {
  const { deployId, log } = await deployWithLog(db, bus, 'PUBLISHING');
  log.system('rolling back to deploy #1');
  log.system('serving the files of deploy #1');
  await log.flush();
  return { deployId, log };
}

/** The texts of the stream to its end. */
const textsToEnd = async (stream: AsyncIterator<ExecutionResult>) =>
  (await readToEnd(stream, 15_000)).map((line) => line.text);

describe('deployLog', () => {
  it('ends for a deploy that finished between the subscription check and the live join (a rollback never showed "End of log")', async () => {
    const bus = createEventBus();
    const { deployId, log } = await publishingDeploy(bus);
    // 1. The subscription is checked: the deploy is still publishing, and its row is now in the
    //    operation's unit of work.
    const stream = await subscribeLog(db, bus, LOG, { id: deployId });
    // 2. Before the stream is first read, the deploy goes live and its log ends (marker published to
    //    nobody): a rollback takes only milliseconds.
    log.system('live at the-site: the files of deploy #1');
    await settle(db, deployId, 'LIVE');
    await log.close();
    // 3. The stream starts: it must see that the deploy is settled, replay its log and end.
    expect(await textsToEnd(stream)).toEqual([
      'rolling back to deploy #1',
      'serving the files of deploy #1',
      'live at the-site: the files of deploy #1',
    ]);
  });

  it('still follows a deploy under way to its end marker, each line once', async () => {
    const bus = createEventBus();
    const { deployId, log } = await publishingDeploy(bus);
    const stream = await subscribeLog(db, bus, LOG, { id: deployId });
    const first = await stream.next(); // joined: replaying
    expect(lineOf(first.value).text).toBe('rolling back to deploy #1');
    log.system('live at the-site: the files of deploy #1');
    await log.flush();
    await settle(db, deployId, 'LIVE');
    await log.close();
    expect(await textsToEnd(stream)).toEqual([
      'serving the files of deploy #1',
      'live at the-site: the files of deploy #1',
    ]);
  });
});

describe('deployLog with several control planes', () => {
  it('ends when the end marker was lost while the link to the other replicas was down', async () => {
    // The deploy runs on another replica: its lines and its end marker reach this one only over the link.
    // Here the link is down while the deploy finishes, so none of them arrive; then it comes back.
    const bus = createEventBus();
    const elsewhere = createEventBus();
    const { deployId, log } = await publishingDeploy(elsewhere);
    const stream = await subscribeLog(db, bus, LOG, { id: deployId });
    const first = await stream.next();
    expect(lineOf(first.value).text).toBe('rolling back to deploy #1');
    log.system('live at the-site: the files of deploy #1');
    await log.flush();
    await settle(db, deployId, 'LIVE');
    await log.close();
    bus.publish('link:resumed', { at: Date.now() });
    expect(await textsToEnd(stream)).toEqual([
      'serving the files of deploy #1',
      'live at the-site: the files of deploy #1',
    ]);
  });

  it('fills in what was lost and goes on following a deploy still under way', async () => {
    const bus = createEventBus();
    const elsewhere = createEventBus();
    const { deployId, log } = await publishingDeploy(elsewhere);
    const stream = await subscribeLog(db, bus, LOG, { id: deployId });
    await stream.next();
    log.system('lost while the link was down');
    await log.flush();
    bus.publish('link:resumed', { at: Date.now() });
    // Back on the link: the next batch and the end arrive as events again.
    const next = (await stream.next()).value;
    expect(lineOf(next).text).toBe('serving the files of deploy #1');
    expect(lineOf((await stream.next()).value).text).toBe('lost while the link was down');
    await settle(db, deployId, 'LIVE');
    await log.close();
    bus.publish('deploy:log', deployId, { end: true });
    expect(await textsToEnd(stream)).toEqual([]);
  });
});
