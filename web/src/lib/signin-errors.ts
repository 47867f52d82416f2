// What `/?signin_error=<reason>` (an OpenID sign-in the server refused; README) means to the person who
// tried. Unknown reasons get the general message: the query string is anyone's to write.
const MESSAGES: Record<string, string> = {
  state_mismatch: 'That sign-in link was already used or started in another browser. Try again.',
  login_expired: 'The sign-in took too long. Try again.',
  provider_denied: 'The sign-in was cancelled at the provider.',
  code_rejected: 'The provider’s answer could not be verified. Try again.',
  provider_unavailable: 'The sign-in provider does not answer right now. Try again later.',
  invitation_invalid: 'The invitation is not valid any more: ask for a new one.',
  email_unverified: 'The provider has not verified your e-mail address, so it cannot sign you in here.',
  no_account: 'There is no Launchpad account for that sign-in. Ask a team admin for an invitation.',
  rate_limited: 'Too many sign-in attempts. Wait a few minutes and try again.',
  server_error: 'Launchpad could not finish the sign-in. Try again.',
};

export function signInErrorMessage(reason: string | null): string | null {
  if (reason === null) return null;
  return MESSAGES[reason] ?? MESSAGES.server_error!;
}
