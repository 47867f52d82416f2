import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BareApp, startBareApp } from './support/bare-app.js';
import { eventually } from './support/harness.js';

// Acceptance 5 of issue 13: an EMAIL channel's message for a failed deploy reaches a real SMTP server on
// loopback, with the deploy's error and its last log lines; "send test" reaches it too.

interface Mail {
  to: string[];
  body: string;
}
const mails: Mail[] = [];
let smtp: SMTPServer;
let lp: BareApp;

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;
  lp = await startBareApp({
    LAUNCHPAD_SMTP_URL: `smtp://127.0.0.1:${port}`,
    LAUNCHPAD_SMTP_FROM: 'Launchpad <noreply@launchpad.test>',
  });
});
afterAll(async () => {
  await lp?.cleanup();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const answer = await lp.gql(query, variables);
  if (answer.errors) throw new Error(`${query}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

/** The text part of a message, with quoted-printable soft line breaks undone. */
const text = (mail: Mail) => mail.body.replace(/=\r?\n/g, '').replace(/=3D/g, '=');

describe('e-mail notifications', () => {
  it('mails a failed deploy with its error and last log lines, once', async () => {
    const teamId = (await ok('mutation { createTeam(name: "Mail team") { id } }')).createTeam.id;
    const channel = (
      await ok(
        'mutation($t: ID!, $i: NotificationChannelInput!) { createNotificationChannel(teamId: $t, input: $i) { id secret target } }',
        {
          t: teamId,
          i: { kind: 'EMAIL', target: 'ops@example.com', events: ['DEPLOY_FAILED', 'SITE_DOWN'] },
        },
      )
    ).createNotificationChannel;
    expect(channel).toMatchObject({ secret: null, target: 'ops@example.com' });

    const site = (
      await ok('mutation($input: CreateSiteInput!) { createSite(input: $input) { id slug } }', {
        input: { name: 'mailed', sourceType: 'GIT', gitUrl: 'https://127.0.0.1:9/nothing.git', teamId },
      })
    ).createSite;
    const deploy = await eventually(
      async () => {
        const d = (
          await ok('query($id: ID!) { site(id: $id) { deploys { status error } } }', { id: site.id })
        ).site.deploys[0];
        return d?.status === 'FAILED' ? d : undefined;
      },
      60_000,
      'the deploy to fail',
    );
    const mail = await eventually(async () => mails[0], 30_000, 'the e-mail');
    expect(mail.to).toEqual(['ops@example.com']);
    expect(mail.body).toMatch(new RegExp(`^Subject: Deploy #1 of ${site.slug} failed`, 'm'));
    const body = text(mail);
    expect(body).toContain(`Error: ${deploy.error}`);
    expect(body).toContain('Last log lines:');
    expect(body).toContain('deploy failed');

    const deliveries = await eventually(async () => {
      const d = (
        await ok(
          'query($t: ID!) { team(id: $t) { notificationChannels { deliveries { event attempts ok error } } } }',
          {
            t: teamId,
          },
        )
      ).team.notificationChannels[0].deliveries;
      return d[0]?.ok ? d : undefined;
    });
    expect(deliveries).toEqual([{ event: 'DEPLOY_FAILED', attempts: 1, ok: true, error: null }]);
    await new Promise((r) => setTimeout(r, 500));
    expect(mails).toHaveLength(1);

    // "Send test" answers with the delivery once its attempt is made.
    const test = (
      await ok('mutation($id: ID!) { testNotificationChannel(id: $id) { attempts ok error } }', {
        id: channel.id,
      })
    ).testNotificationChannel;
    expect(test).toEqual({ attempts: 1, ok: true, error: null });
    expect(mails).toHaveLength(2);
    expect(mails[1]!.body).toMatch(/^Subject: Launchpad test notification/m);

    const audit = (await ok('query($t: ID!) { auditLog(teamId: $t) { action } }', { t: teamId })).auditLog;
    expect(audit.map((a: { action: string }) => a.action)).toContain('notification_channel.create');
  });
});
