import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GMAIL_V1, getMethod } from '../../src/scopes/api-map.ts';
import { classificationRank, isAddOnOnly } from '../../src/scopes/catalog.ts';
import { effectiveAcceptedScopes } from '../../src/scopes/metadata.ts';
import { administrativeKey, narrownessKey, writeKey } from '../../src/scopes/order.ts';
import { isProposable, isSatisfied, minimalCover, solve, solveMissingScopes } from '../../src/scopes/solver.ts';

const AUTH = 'https://www.googleapis.com/auth/';
const MAIL = 'https://mail.google.com/';
const s = (label: string) => (label === MAIL ? MAIL : `${AUTH}${label}`);
const req = (id: string): readonly string[] => {
  const m = getMethod('gmail', id);
  if (!m) throw new Error(id);
  return m.scopes;
};

describe('isSatisfied', () => {
  it('any one accepted scope suffices', () => {
    expect(isSatisfied(req('users.messages.send'), [s('gmail.send')])).toBe(true);
    expect(isSatisfied(req('users.messages.send'), new Set([s('gmail.readonly'), MAIL]))).toBe(true);
    expect(isSatisfied(req('users.messages.send'), [s('gmail.readonly')])).toBe(false);
    expect(isSatisfied(req('users.messages.send'), [])).toBe(false);
    expect(isSatisfied([], [])).toBe(true); // no scope needed
  });
});

describe('solveMissingScopes: single calls', () => {
  it.each([
    ['gmail.readonly', 'users.messages.send', ['gmail.send']],
    ['gmail.compose', 'users.messages.import', ['gmail.insert']],
    ['gmail.send', 'users.drafts.create', ['gmail.compose']],
    ['gmail.modify', 'users.messages.batchDelete', [MAIL]],
    ['gmail.modify', 'users.messages.delete', [MAIL]],
    ['gmail.modify', 'users.settings.filters.create', ['gmail.settings.basic']],
    ['gmail.readonly', 'users.settings.forwardingAddresses.create', ['gmail.settings.sharing']],
    // never gmail.metadata (it breaks q searches and full-format reads): gmail.readonly on the tie
    ['gmail.labels', 'users.messages.list', ['gmail.readonly']],
    ['gmail.labels', 'users.messages.attachments.get', ['gmail.readonly']],
    ['gmail.send', 'users.labels.create', ['gmail.labels']],
    ['gmail.readonly', 'users.messages.trash', ['gmail.modify']],
  ])('requested %s + %s → %j', (have, method, expected) => {
    expect(solveMissingScopes([req(method)], [s(have)])).toEqual(expected.map(s));
  });

  it('nothing missing → empty', () => {
    expect(solveMissingScopes([req('users.messages.send')], [s('gmail.compose')])).toEqual([]);
    expect(solveMissingScopes([], [])).toEqual([]);
    expect(solveMissingScopes([req('users.labels.list'), req('users.messages.get')], [MAIL])).toEqual([]);
  });

  it('an already-requested add-on scope counts', () => {
    expect(solveMissingScopes([req('users.messages.send')], [s('gmail.addons.current.action.compose')])).toEqual([]);
  });

  it('never proposes add-on scopes', () => {
    expect(solveMissingScopes([req('users.messages.send')], [])).toEqual([s('gmail.send')]);
    expect(solveMissingScopes([req('users.drafts.create')], [])).toEqual([s('gmail.compose')]);
    // messages.get: add-on message.action is non-sensitive, but never proposed
    expect(solveMissingScopes([req('users.messages.get')], [])).toEqual([s('gmail.readonly')]);
  });

  it('with effectiveAcceptedScopes: a format-full get or a q list needs readonly, not metadata', () => {
    const get = getMethod('gmail', 'users.messages.get')!;
    const list = getMethod('gmail', 'users.messages.list')!;
    expect(solveMissingScopes([effectiveAcceptedScopes(get, {})], [s('gmail.labels')])).toEqual([s('gmail.readonly')]);
    expect(solveMissingScopes([effectiveAcceptedScopes(list, { hasQ: true })], [])).toEqual([s('gmail.readonly')]);
    expect(solveMissingScopes([effectiveAcceptedScopes(list, { hasQ: false })], [])).toEqual([s('gmail.readonly')]);
    expect(solveMissingScopes([effectiveAcceptedScopes(get, { format: 'metadata' }), effectiveAcceptedScopes(list, {})], [])).toEqual([
      s('gmail.readonly'),
    ]);
  });
});

describe('solveMissingScopes: several calls', () => {
  it('lowest classification first: readonly + send + labels.create → labels, send (not the restricted gmail.modify)', () => {
    expect(solveMissingScopes([req('users.messages.send'), req('users.labels.create')], [s('gmail.readonly')])).toEqual([
      s('gmail.labels'),
      s('gmail.send'),
    ]);
  });

  it('under userinfo.email: messages.send + labels.create → gmail.labels + gmail.send', () => {
    expect(
      solveMissingScopes([req('users.messages.send'), req('users.labels.create')], ['https://www.googleapis.com/auth/userinfo.email']),
    ).toEqual([s('gmail.labels'), s('gmail.send')]);
  });

  it('same classification: fewest scopes, so send + list → gmail.modify (never send + metadata)', () => {
    expect(minimalCover([req('users.messages.send'), req('users.messages.list')])).toEqual([s('gmail.modify')]);
  });

  it('list + attachments.get → gmail.readonly alone', () => {
    expect(minimalCover([req('users.messages.list'), req('users.messages.attachments.get')])).toEqual([s('gmail.readonly')]);
  });

  it('every method that accepts both gmail.metadata and gmail.readonly gets gmail.readonly, never gmail.metadata', () => {
    const both = [...GMAIL_V1.methods.values()].filter(
      (m) => m.scopes.includes(s('gmail.metadata')) && m.scopes.includes(s('gmail.readonly')),
    );
    expect(both.length).toBeGreaterThan(5);
    for (const method of both) {
      // Labels and history calls also take the non-sensitive gmail.labels: the lower classification wins.
      const expected = method.scopes.includes(s('gmail.labels')) ? s('gmail.labels') : s('gmail.readonly');
      expect(solveMissingScopes([method.scopes], []), method.id).toEqual([expected]);
      expect(minimalCover([method.scopes, req('users.messages.attachments.get')]), method.id).toEqual([s('gmail.readonly')]);
    }
  });

  it('gmail.metadata already requested still counts', () => {
    expect(solveMissingScopes([req('users.messages.list')], [s('gmail.metadata')])).toEqual([]);
  });

  it('needs two scopes when no single one covers: send + filters.create', () => {
    expect(minimalCover([req('users.messages.send'), req('users.settings.filters.create')])).toEqual([
      s('gmail.send'),
      s('gmail.settings.basic'),
    ]);
  });

  it('batchDelete forces https://mail.google.com/, which then covers send too', () => {
    expect(minimalCover([req('users.messages.send'), req('users.messages.batchDelete')])).toEqual([MAIL]);
  });

  it('partially satisfied: only the failing calls matter', () => {
    expect(
      solveMissingScopes([req('users.messages.list'), req('users.messages.send'), req('users.drafts.create')], [s('gmail.readonly')]),
    ).toEqual([s('gmail.compose')]);
  });

  it('the whole Gmail API', () => {
    expect(minimalCover([...GMAIL_V1.methods.values()].map((m) => m.scopes))).toEqual([
      s('gmail.settings.basic'),
      MAIL,
      s('gmail.settings.sharing'),
    ]);
  });

  it('prefers gmail.settings.basic to the administrative gmail.settings.sharing when either works', () => {
    expect(solveMissingScopes([GMAIL_V1.methods.get('users.settings.sendAs.update')!.scopes], [])).toEqual([s('gmail.settings.basic')]);
  });
});

describe('solve: unsatisfiable requirements', () => {
  it('reports requirements only add-on scopes satisfy, and covers the rest', () => {
    const addOnOnly = [s('gmail.addons.current.message.action'), s('gmail.addons.current.message.readonly')];
    const r = solve([req('users.messages.send'), addOnOnly, req('users.labels.list')], [s('gmail.labels')]);
    expect(r).toEqual({ add: [s('gmail.send')], tied: [s('gmail.send')], unsatisfiable: [1] });
    expect(solve([addOnOnly], [s('gmail.addons.current.message.action')])).toEqual({ add: [], tied: [], unsatisfiable: [] });
  });
});

describe('solve: covers only names tell apart', () => {
  it('lists every scope of an equally good cover in `tied`, `add` keeping the deterministic pick', () => {
    // Calendar channels.stop accepts these three read-only scopes alike (src/scopes/facts/calendar-v3.ts).
    const stop = { api: 'calendar', version: 'v3', satisfying: [s('calendar.settings.readonly'), s('calendar.acls.readonly')] };
    const r = solve([{ ...stop, proposable: stop.satisfying }], []);
    expect(r.add).toEqual([s('calendar.acls.readonly')]);
    expect([...r.tied].sort()).toEqual([s('calendar.acls.readonly'), s('calendar.settings.readonly')]);
    // A second call that only one of them covers settles it.
    const list = {
      api: 'calendar',
      version: 'v3',
      satisfying: [s('calendar.settings.readonly')],
      proposable: [s('calendar.settings.readonly')],
    };
    expect(solve([{ ...stop, proposable: stop.satisfying }, list], [])).toMatchObject({
      add: [s('calendar.settings.readonly')],
      tied: [s('calendar.settings.readonly')],
    });
  });
});

// ---- properties against a brute-force reference ----

const PROPOSABLE = GMAIL_V1.scopes.filter(isProposable);
const ALL_REQS = [...new Map([...GMAIL_V1.methods.values()].map((m) => [m.scopes.join(' '), m.scopes])).values()];

function bruteForce(reqs: readonly (readonly string[])[], have: readonly string[]): string[] {
  const failing = reqs.filter((r) => !r.some((x) => have.includes(x)) && r.some(isProposable));
  let best: { set: string[]; key: (number | string)[] } | undefined;
  for (let mask = 0; mask < 1 << PROPOSABLE.length; mask++) {
    const set = PROPOSABLE.filter((_, i) => mask & (1 << i));
    if (!failing.every((r) => r.some((x) => set.includes(x)))) continue;
    const ranks = set.map(classificationRank);
    const key = [
      Math.max(-1, ...ranks),
      set.length,
      ranks.reduce((a, b) => a + b, 0),
      set.map(administrativeKey).reduce((a, b) => a + b, 0),
      set.map(writeKey).reduce((a, b) => a + b, 0),
      set.map(narrownessKey).reduce((a, b) => a + b, 0),
      [...set].sort().join('\n'),
    ];
    const less = (a: (number | string)[], b: (number | string)[]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number | string) < (b[i] as number | string);
      return false;
    };
    if (!best || less(key, best.key)) best = { set, key };
  }
  return best ? best.set : [];
}

describe('solver properties', () => {
  const arbCase = fc.record({
    reqs: fc.array(fc.constantFrom(...ALL_REQS), { maxLength: 8 }),
    have: fc.subarray([...GMAIL_V1.scopes]),
  });

  it('matches a brute-force search over all proposable subsets', () => {
    fc.assert(
      fc.property(arbCase, ({ reqs, have }) => {
        const got = solveMissingScopes(reqs, have);
        expect([...got].sort()).toEqual(bruteForce(reqs, have).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('covers every requirement, never proposes add-on or requested scopes, and is order-independent', () => {
    fc.assert(
      fc.property(arbCase, ({ reqs, have }) => {
        const got = solveMissingScopes(reqs, have);
        for (const r of reqs) expect(isSatisfied(r, [...have, ...got])).toBe(true);
        for (const x of got) {
          expect(isProposable(x)).toBe(true);
          expect(have).not.toContain(x);
        }
        expect(solveMissingScopes([...reqs].reverse(), [...have].reverse())).toEqual(got);
        expect(
          solveMissingScopes(
            reqs.map((r) => [...r].reverse()),
            have,
          ),
        ).toEqual(got);
        if (got.length === 0) expect(reqs.every((r) => isSatisfied(r, have))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('greedy fallback (above the exact-search limit)', () => {
  it('still covers everything with proposable scopes and no redundant member', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALL_REQS), { maxLength: 8 }), (reqs) => {
        const got = solveMissingScopes(reqs, [], { exactCandidateLimit: 0 });
        for (const r of reqs) expect(isSatisfied(r, got)).toBe(true);
        for (const x of got) expect(isAddOnOnly(x)).toBe(false);
        for (const x of got) {
          const rest = got.filter((y) => y !== x);
          expect(reqs.every((r) => isSatisfied(r, rest))).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
