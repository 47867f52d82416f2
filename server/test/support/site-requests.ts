import { connect } from 'node:net';

/** nginx answers `HTTP/2.0` on a plain HTTP/1 port with 505: a 5xx a static site can be made to send. */
export function unsupportedVersion(ip: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(80, ip, () => socket.write(`GET / HTTP/2.0\r\nHost: ${host}\r\n\r\n`));
    let data = '';
    socket.setTimeout(5000, () => socket.destroy(new Error('timeout')));
    socket.on('data', (c) => {
      data += c.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.\d (\d{3})/.exec(data)?.[1] ?? 0)));
  });
}

/** `launchpad_site_requests_total` by code class and `launchpad_site_response_bytes_total` of one site. */
export function siteSeries(metrics: string, slug: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of metrics.matchAll(/^launchpad_site_requests_total\{site="([^"]+)",code="(\dxx)"\} (\d+)$/gm))
    if (m[1] === slug) out[m[2]!] = Number(m[3]);
  const bytes = new RegExp(`^launchpad_site_response_bytes_total\\{site="${slug}"\\} (\\d+)$`, 'm').exec(
    metrics,
  );
  out.bytes = Number(bytes?.[1] ?? 0);
  return out;
}
