import nodemailer from 'nodemailer';

export interface InvitationMail {
  to: string;
  teamName: string;
  role: string;
  url: string;
  expiresAt: Date;
}

/** A notification (issue 13): plain text to one checked address. */
export interface NotificationMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends Launchpad's e-mail. One implementation (SMTP); without LAUNCHPAD_SMTP_URL nothing is sent. */
export interface Mailer {
  sendInvitation(mail: InvitationMail): Promise<void>;
  sendNotification(mail: NotificationMail): Promise<void>;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async sendInvitation(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: `You are invited to ${oneLine(mail.teamName)} on Launchpad`,
        text: [
          `You are invited to join the team "${oneLine(mail.teamName)}" on Launchpad as ${mail.role}.`,
          '',
          `Accept: ${mail.url}`,
          '',
          `The link works once and expires ${mail.expiresAt.toISOString()}.`,
        ].join('\n'),
      });
    },
    async sendNotification(mail) {
      await transport.sendMail({ from, to: mail.to, subject: oneLine(mail.subject), text: mail.text });
    },
  };
}

/** A team name in a header or a line: no line breaks (names refuse control characters; this is belt and braces). */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
