import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlAs, signUp } from './support/accounts.js';
import { type BareApp, startBareApp } from './support/bare-app.js';

// Invitations are e-mailed through LAUNCHPAD_SMTP_URL: a real SMTP server on loopback receives them.

interface Received {
  from: string;
  to: string[];
  body: string;
  user: string | undefined;
}
const received: Received[] = [];
let smtp: SMTPServer;
let lp: BareApp;

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, done) {
      if (auth.username === 'mailer' && auth.password === 'secret-pw')
        return done(null, { user: auth.username });
      return done(new Error('bad login'));
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          body: Buffer.concat(chunks).toString('utf8'),
          user: session.user as string | undefined,
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;
  lp = await startBareApp({
    LAUNCHPAD_SMTP_URL: `smtp://mailer:secret-pw@127.0.0.1:${port}`,
    LAUNCHPAD_SMTP_FROM: 'Launchpad <noreply@launchpad.test>',
  });
});
afterAll(async () => {
  await lp?.cleanup();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe('invitation e-mail', () => {
  it('sends the invitee the link shown once to the creator, signed in to the SMTP server', async () => {
    const owner = await signUp(lp.url, 'owner@example.com', 'correct horse battery');
    const teamId = (await gqlAs(lp.url, { cookie: owner.cookie }, '{ viewer { teams { id } } }')).data!.viewer
      .teams[0].id;
    const invited = await gqlAs(
      lp.url,
      { cookie: owner.cookie },
      'mutation($t: ID!) { inviteMember(teamId: $t, email: "Guest@Example.com", role: VIEWER) { url email } }',
      { t: teamId },
    );
    const { url, email } = invited.data!.inviteMember;
    expect(email).toBe('guest@example.com');
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail).toMatchObject({ from: 'noreply@launchpad.test', to: ['guest@example.com'], user: 'mailer' });
    // Quoted-printable may wrap long lines: compare with soft line breaks removed.
    expect(mail!.body.replace(/=\r?\n/g, '')).toContain(url);
  });
});
