import { describe, expect, it } from 'vitest';
import { decideServing, type ServingFacts } from '../src/pipeline/reconcile.js';

const A = 'a'.repeat(24);
const B = 'b'.repeat(24);
const facts = (f: Partial<ServingFacts>): ServingFacts => ({
  current: { id: A, filesPrunedAt: null },
  currentFiles: true,
  linked: A,
  linkedInterrupted: false,
  interrupted: false,
  ...f,
});

describe('what a site serves after a crash (the database is the truth)', () => {
  it.each<[string, Partial<ServingFacts>, ReturnType<typeof decideServing>]>([
    ['agreeing site, nothing in flight', {}, { action: 'keep' }],
    [
      'killed after the switch, before LIVE was stored: serves a deploy the database calls failed',
      { linked: B, linkedInterrupted: true, interrupted: true },
      { action: 'restore', deployId: A },
    ],
    [
      'killed after the new config was applied, before the switch: old files with the new rules',
      { interrupted: true },
      { action: 'restore', deployId: A },
    ],
    ['current link missing', { linked: null }, { action: 'restore', deployId: A }],
    [
      'the database current was pruned just before the commit (keep 1): the switch is finished',
      {
        current: { id: A, filesPrunedAt: new Date() },
        currentFiles: false,
        linked: B,
        linkedInterrupted: true,
        interrupted: true,
      },
      { action: 'finish', deployId: B },
    ],
    [
      'the database current is gone but the link points at no interrupted deploy: restore is tried',
      { currentFiles: false, linked: B },
      { action: 'restore', deployId: A },
    ],
    [
      'first deploy switched in but never recorded: nothing should be served',
      { current: null, linked: B, linkedInterrupted: true, interrupted: true },
      { action: 'unserve' },
    ],
    ['site that never went live and serves nothing', { current: null, linked: null }, { action: 'keep' }],
  ])('%s', (_, f, expected) => {
    expect(decideServing(facts(f))).toEqual(expected);
  });
});
