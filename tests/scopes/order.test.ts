import { describe, expect, it } from 'vitest';
import { GMAIL_V1 } from '../../src/scopes/api-map.ts';
import { orderFactsFor } from '../../src/scopes/order-facts.ts';
import {
  grants,
  isBroader,
  isEquivalent,
  methodsAccepting,
  narrownessKey,
  narrowestOf,
  sortNarrowestFirst,
} from '../../src/scopes/order.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const MAIL = 'https://mail.google.com/';
const s = (label: string) => (label === MAIL ? MAIL : `${AUTH}${label}`);
/** The cited Gmail implications the method lists cannot derive. */
const IMPLICATION_FACTS = orderFactsFor('gmail').flatMap((f) => f.grants ?? []);

describe('order: implications derived from the method map', () => {
  it.each([
    [MAIL, 'gmail.modify'],
    ['gmail.modify', 'gmail.readonly'],
    ['gmail.readonly', 'gmail.metadata'],
    ['gmail.modify', 'gmail.compose'],
    ['gmail.compose', 'gmail.send'],
    ['gmail.modify', 'gmail.labels'],
    ['gmail.modify', 'gmail.insert'],
    [MAIL, 'gmail.metadata'],
    [MAIL, 'gmail.send'],
  ])('%s ⊋ %s', (a, b) => {
    expect(grants(s(a), s(b))).toBe(true);
    expect(isBroader(s(a), s(b))).toBe(true);
    expect(grants(s(b), s(a))).toBe(false);
    expect(isBroader(s(b), s(a))).toBe(false);
  });

  it.each([
    ['gmail.readonly', 'gmail.send'],
    ['gmail.send', 'gmail.readonly'],
    ['gmail.compose', 'gmail.insert'],
    ['gmail.labels', 'gmail.metadata'],
    [MAIL, 'gmail.settings.basic'], // settings writes don't accept https://mail.google.com/
    ['gmail.modify', 'gmail.settings.basic'],
    ['gmail.settings.basic', 'gmail.settings.sharing'],
    ['gmail.settings.sharing', 'gmail.settings.basic'],
    ['gmail.metadata', 'gmail.labels'], // labels.create needs labels/modify/mail
  ])('%s does not grant %s', (a, b) => {
    expect(grants(s(a), s(b))).toBe(false);
  });

  it('every non-add-on implication is exactly "every method accepting B accepts A"', () => {
    for (const a of GMAIL_V1.scopes) {
      for (const b of GMAIL_V1.scopes) {
        if (a.includes('gmail.addons.')) continue;
        const methodsB = [...GMAIL_V1.methods.values()].filter((m) => m.scopes.includes(b));
        const expected = methodsB.every((m) => m.scopes.includes(a));
        expect(grants(a, b), `${a} ⊇ ${b}`).toBe(expected);
      }
    }
  });

  it('never derives an add-on-only scope as broader than another scope, except the cited fact', () => {
    // From the lists alone, action.compose would "grant" gmail.send.
    expect(grants(s('gmail.addons.current.action.compose'), s('gmail.send'))).toBe(false);
    expect(isEquivalent(s('gmail.addons.current.message.action'), s('gmail.addons.current.message.readonly'))).toBe(false);
    expect(grants(s('gmail.addons.current.message.readonly'), s('gmail.addons.current.message.metadata'))).toBe(true);
    expect(IMPLICATION_FACTS).toHaveLength(1);
    // …while broader normal scopes do grant add-on scopes
    expect(grants(s('gmail.compose'), s('gmail.addons.current.action.compose'))).toBe(true);
    expect(grants(s('gmail.readonly'), s('gmail.addons.current.message.readonly'))).toBe(true);
  });

  it('is a partial order on the Gmail scopes (reflexive, antisymmetric, transitive)', () => {
    const all = GMAIL_V1.scopes;
    for (const a of all) {
      expect(grants(a, a)).toBe(true);
      expect(isBroader(a, a)).toBe(false);
      for (const b of all) {
        if (a !== b) expect(grants(a, b) && grants(b, a), `${a} ≡ ${b}`).toBe(false);
        for (const c of all) if (grants(a, b) && grants(b, c)) expect(grants(a, c)).toBe(true);
      }
    }
  });

  it('scopes outside the map only grant themselves', () => {
    const drive = `${AUTH}drive`;
    expect(grants(drive, drive)).toBe(true);
    expect(grants(MAIL, drive)).toBe(false);
    expect(grants(drive, s('gmail.send'))).toBe(false);
    expect(grants('gmail.send', s('gmail.send'))).toBe(false);
    expect(narrownessKey(drive)).toBe(0);
  });
});

describe('order: narrowness and sorting', () => {
  it('narrownessKey counts accepting methods', () => {
    expect(narrownessKey(s('gmail.send'))).toBe(1);
    expect(narrownessKey(s('gmail.insert'))).toBe(2);
    expect(narrownessKey(s('gmail.metadata'))).toBe(10);
    expect(narrownessKey(s('gmail.metadata'))).toBeLessThan(narrownessKey(s('gmail.readonly')));
    expect(narrownessKey(s('gmail.readonly'))).toBeLessThan(narrownessKey(s('gmail.modify')));
    expect(narrownessKey(s('gmail.modify'))).toBeLessThan(narrownessKey(MAIL));
    expect(methodsAccepting(s('gmail.send'))).toEqual(['gmail:v1:users.messages.send']);
  });

  it('sorts narrowest first: order, then classification, then narrowness, then name', () => {
    expect(sortNarrowestFirst([MAIL, s('gmail.readonly'), s('gmail.metadata'), s('gmail.modify')])).toEqual([
      s('gmail.metadata'),
      s('gmail.readonly'),
      s('gmail.modify'),
      MAIL,
    ]);
    expect(sortNarrowestFirst([s('gmail.modify'), s('gmail.send'), s('gmail.compose')])).toEqual([
      s('gmail.send'),
      s('gmail.compose'),
      s('gmail.modify'),
    ]);
    // classification: labels (non-sensitive) < send (sensitive) < insert (restricted)
    expect(sortNarrowestFirst([s('gmail.insert'), s('gmail.send'), s('gmail.labels')])).toEqual([
      s('gmail.labels'),
      s('gmail.send'),
      s('gmail.insert'),
    ]);
  });

  it('is deterministic, deduplicates, and respects the order for every input permutation', () => {
    const all = [...GMAIL_V1.scopes, `${AUTH}drive`];
    const expected = sortNarrowestFirst(all);
    expect(expected).toHaveLength(all.length);
    for (let seed = 1; seed <= 20; seed++) {
      const shuffled = [...all, ...all.slice(0, 3)].sort(
        (x, y) => ((x.length * seed) % 7) - ((y.length * seed) % 7) || (seed % 2 ? 1 : -1) * x.localeCompare(y),
      );
      expect(sortNarrowestFirst(shuffled)).toEqual(expected);
    }
    for (let i = 0; i < expected.length; i++) {
      for (let j = i + 1; j < expected.length; j++) {
        expect(isBroader(expected[i] as string, expected[j] as string)).toBe(false);
      }
    }
  });

  it('narrowestOf keeps the minimal elements', () => {
    expect(narrowestOf([MAIL, s('gmail.modify'), s('gmail.send'), s('gmail.compose'), s('gmail.settings.basic')])).toEqual([
      s('gmail.send'),
      s('gmail.settings.basic'),
    ]);
  });
});
