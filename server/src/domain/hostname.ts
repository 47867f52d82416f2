const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Custom domains: lowercase DNS names of at least two labels, each 1-63 of [a-z0-9-] without a leading or
 * trailing hyphen, 253 characters at most; no wildcard and no IP address.
 */
export function isValidHostname(h: string): boolean {
  if (h.length === 0 || h.length > 253) return false;
  const labels = h.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return false;
  // An all-numeric last label is never a TLD (RFC 3696 §2); this also refuses IPv4 addresses.
  return !/^[0-9]+$/.test(labels[labels.length - 1]!);
}

/**
 * The hosts that reach the control plane itself (API, dashboard, webhooks): the host of the public URL
 * and the listen address when it is a name. A site given one of them would take the dashboard's traffic.
 */
export function controlPlaneHosts(publicUrl: string | null, listenHost: string): string[] {
  const hosts = [listenHost.toLowerCase()];
  if (publicUrl) hosts.push(new URL(publicUrl).hostname.toLowerCase());
  return [...new Set(hosts.map((h) => h.replace(/\.$/, '')).filter(isValidHostname))];
}
