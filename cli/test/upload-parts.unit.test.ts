import { describe, expect, it } from 'vitest';
import { multipartBody } from '../src/api/multipart.js';
import { planBatches } from '../src/batches.js';

describe('planBatches', () => {
  const limits = { maxFiles: 3, maxBytes: 100 };
  const sizes = (batches: { size: number }[][]) => batches.map((b) => b.map((f) => f.size));
  it.each([
    [[], []],
    [
      [10, 10, 10, 10],
      [[10, 10, 10], [10]],
    ],
    [
      [60, 30, 20],
      [[60, 30], [20]],
    ],
    [
      [100, 1],
      [[100], [1]],
    ],
    // A file over the byte budget goes alone; the server's per-file limit decides about it.
    [
      [5, 500, 5],
      [[5], [500], [5]],
    ],
    [
      [0, 0, 0, 0],
      [[0, 0, 0], [0]],
    ],
  ])('%j → %j', (input, expected) => {
    expect(
      sizes(
        planBatches(
          input.map((size) => ({ size })),
          limits,
        ),
      ),
    ).toEqual(expected);
  });
});

describe('multipartBody', () => {
  async function* chunks(...parts: string[]) {
    for (const part of parts) yield new TextEncoder().encode(part);
  }

  it('is a GraphQL multipart request a spec parser reads back, with progress counting file bytes only', async () => {
    let counted = 0;
    const { contentType, body } = multipartBody(
      { query: 'mutation($files: [File!]!) { x }', variables: { files: [null, null] } },
      { 0: ['variables.files.0'], 1: ['variables.files.1'] },
      [
        { name: 'a'.repeat(64), size: 11, open: () => chunks('hello', ' world') },
        { name: 'b"\r\nX: y', size: 0, open: () => chunks() },
      ],
      (n) => {
        counted += n;
      },
    );
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    expect(JSON.parse(form.get('operations') as string)).toEqual({
      query: 'mutation($files: [File!]!) { x }',
      variables: { files: [null, null] },
    });
    expect(JSON.parse(form.get('map') as string)).toEqual({
      0: ['variables.files.0'],
      1: ['variables.files.1'],
    });
    const first = form.get('0') as File;
    expect(first.name).toBe('a'.repeat(64));
    expect(await first.text()).toBe('hello world');
    // A quote or line break in a name cannot end the part's header and add one of its own.
    const second = form.get('1') as File;
    expect(second.name).toBe('b___X: y');
    expect(second.size).toBe(0);
    expect(counted).toBe(11);
  });
});
