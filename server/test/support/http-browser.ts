/**
 * Just enough of a browser for redirect flows over real HTTP: a cookie jar per host (as browsers key
 * cookies: by host, not port), redirects followed by hand so each hop can be inspected, and HTML forms
 * posted the way a person submitting them would.
 */
export class HttpBrowser {
  /** host → cookie name → value */
  readonly cookies = new Map<string, Map<string, string>>();

  async get(url: string): Promise<Response> {
    return this.request(url, { method: 'GET' });
  }

  async post(url: string, fields: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /**
   * Follows redirects from `url` until one points at a URL `stop` accepts (returned unfetched) or a page
   * answers 200 (returned with its URL and body).
   */
  async follow(
    url: string,
    stop: (next: URL) => boolean,
    first?: Response,
  ): Promise<{ stoppedAt: URL } | { page: URL; html: string }> {
    let current = new URL(url);
    let res = first ?? (await this.get(url));
    for (let hops = 0; hops < 20; hops += 1) {
      if (res.status === 200) return { page: current, html: await res.text() };
      const location = res.headers.get('location');
      if (res.status < 300 || res.status > 399 || !location) {
        throw new Error(`${current.href} answered ${res.status}: ${await res.text()}`);
      }
      await res.body?.cancel();
      current = new URL(location, current);
      if (stop(current)) return { stoppedAt: current };
      res = await this.get(current.href);
    }
    throw new Error(`more than 20 redirects from ${url}`);
  }

  /** Submits the first form on `html` (found at `page`) with its hidden inputs plus `fields`. */
  async submitForm(page: URL, html: string, fields: Record<string, string> = {}): Promise<Response> {
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    if (!form) throw new Error(`no form on ${page.href}`);
    const hidden: Record<string, string> = {};
    for (const input of form[2]!.matchAll(
      /<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g,
    )) {
      hidden[input[1]!] = input[2]!;
    }
    const action = new URL(form[1]!.replaceAll('&amp;', '&'), page);
    return this.post(action.href, { ...hidden, ...fields });
  }

  cookie(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).hostname)?.get(name);
  }

  setCookie(url: string, name: string, value: string): void {
    const host = new URL(url).hostname;
    if (!this.cookies.has(host)) this.cookies.set(host, new Map());
    this.cookies.get(host)!.set(name, value);
  }

  private async request(url: string, init: RequestInit): Promise<Response> {
    const jar = this.cookies.get(new URL(url).hostname);
    const cookie = jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of res.headers.getSetCookie()) this.store(url, line);
    return res;
  }

  private store(url: string, line: string): void {
    const [pair, ...attrs] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
    if (gone || value === '') this.cookies.get(new URL(url).hostname)?.delete(name);
    else this.setCookie(url, name, value);
  }
}
