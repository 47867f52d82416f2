import { describe, expect, it } from 'vitest';
import { MASK, redactionForms, redactText, StreamRedactor } from '../src/secrets/redact.js';

const SECRET = 's3cr3t-v@lue/x';
const B64 = Buffer.from(SECRET).toString('base64');
const forms = redactionForms([SECRET, 'another-one']);

describe('redactionForms', () => {
  it('covers the value, its base64 (with and without the echo newline) and URL encodings', () => {
    expect(forms).toContain(SECRET);
    expect(forms).toContain(B64);
    expect(forms).toContain(encodeURIComponent(SECRET));
    // `echo $S | base64` encodes a trailing newline: its stable part is masked.
    const withNewline = Buffer.from(`${SECRET}\n`).toString('base64');
    expect(redactText(withNewline, forms)).not.toContain(B64.slice(0, 16));
  });

  it('skips values too short to be secrets', () => {
    expect(redactionForms(['on', '1'])).toEqual([]);
  });
});

describe('redactText', () => {
  it.each([
    ['plain', `token=${SECRET} done`, `token=${MASK} done`],
    ['twice', `${SECRET}${SECRET}`, `${MASK}${MASK}`],
    ['base64', `b64: ${B64}`, `b64: ${MASK}`],
    ['url-encoded', `q=${encodeURIComponent(SECRET)}&x`, `q=${MASK}&x`],
    ['other secret', 'x another-one y', `x ${MASK} y`],
    ['nothing', 'no secrets here', 'no secrets here'],
  ])('%s', (_name, text, expected) => {
    expect(redactText(text, forms)).toBe(expected);
  });
});

describe('StreamRedactor (values split across chunks of container output)', () => {
  const run = (chunks: string[]) => {
    let out = '';
    const r = new StreamRedactor(forms, (t) => {
      out += t;
    });
    for (const c of chunks) r.push(c);
    r.end();
    return out;
  };
  const text = `line one\nexport TOKEN=${SECRET}\necho ${B64} | base64 -d\nend ${SECRET}`;
  const expected = redactText(text, forms);

  it('masks a value split at every possible point, and at every pair of points', () => {
    expect(expected).not.toContain(SECRET);
    for (let i = 0; i <= text.length; i++) {
      expect(run([text.slice(0, i), text.slice(i)])).toBe(expected);
    }
    for (let i = 0; i <= text.length; i += 3) {
      for (let j = i; j <= text.length; j += 2) {
        expect(run([text.slice(0, i), text.slice(i, j), text.slice(j)])).toBe(expected);
      }
    }
  });

  it('masks a value arriving one character at a time', () => {
    expect(run([...text])).toBe(expected);
  });

  it('holds back only what may still become a secret', () => {
    const emitted: string[] = [];
    const r = new StreamRedactor(forms, (t) => emitted.push(t));
    r.push('ready\nnext s3c');
    expect(emitted.join('')).toBe('ready\nnext ');
    r.push('ond line\n');
    expect(emitted.join('')).toBe('ready\nnext s3cond line\n');
  });

  it('passes everything through when the site has no secrets', () => {
    let out = '';
    const r = new StreamRedactor([], (t) => {
      out += t;
    });
    r.push('a');
    r.push('b');
    r.end();
    expect(out).toBe('ab');
  });
});
