import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultLocalStore, createEmptyStore } from '../defaults.js';
import { findFilterList, findPolicy } from '../store-lookup.js';
import { setPolicy } from '../store-ops.js';
import type { PolicyStore } from '../types.js';
import { showAll } from './all.js';
import { importPolicyStore } from './import.js';
import { IMPORT_LIMITS } from './import-read.js';
import { exportPolicyStore, toPolicyFile, type PolicyFile } from './ipsec-file.js';
import { BARE_CTX, BRANCH, customStore, unwrap, value } from './test-fixtures.js';

function roundTrip(store: PolicyStore, into: PolicyStore = createEmptyStore('local')): PolicyStore {
  return value(importPolicyStore(into, exportPolicyStore(store))).store;
}

type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
/** Loose enough to break one thing at a time. */
type EditableFile = Mutable<PolicyFile> & Record<string, unknown>;

/** The exported file as a mutable object. */
function fileObject(store: PolicyStore = customStore()): EditableFile {
  return JSON.parse(exportPolicyStore(store)) as EditableFile;
}

function importError(file: unknown, into: PolicyStore = createEmptyStore('local')): string {
  const text = typeof file === 'string' ? file : JSON.stringify(file);
  const r = importPolicyStore(into, text);
  if (r.ok) throw new Error('import unexpectedly succeeded');
  return r.error;
}

describe('exportpolicy', () => {
  it('writes versioned, readable JSON with the netsh value grammars', () => {
    const text = exportPolicyStore(customStore());
    expect(text.startsWith('{\n  "format": "ipsec-lab.policy-store",\n  "version": 1,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const file = toPolicyFile(customStore());
    expect(file.filterActions[0]?.qmsecmethods).toEqual(['ESP[3DES,SHA1]:100000k/3600s']);
    expect(file.policies[0]?.mmsecmethods).toEqual(['3DES-SHA1-2', 'DES-MD5-1']);
    expect(file.policies[0]?.rules[0]?.auth).toEqual([{ method: 'psk', key: 's3cret' }]);
    expect(file.filterLists[0]?.filters[1]).toMatchObject({ srcaddr: '10.1.0.0', srcmask: '255.255.0.0', dstaddr: 'me' });
  });
});

describe('importpolicy round trip', () => {
  it('gives back the default store exactly, ids included', () => {
    expect(roundTrip(createDefaultLocalStore())).toEqual(createDefaultLocalStore());
  });

  it('gives back a store built with the store operations (same file, same listings)', () => {
    const original = customStore();
    const copy = roundTrip(original);
    expect(exportPolicyStore(copy)).toBe(exportPolicyStore(original));
    expect(showAll(copy, {}, BARE_CTX)).toBe(showAll(original, {}, BARE_CTX));
    expect(findPolicy(copy, BRANCH)?.assigned).toBe(true);
  });

  it('keeps DNS names with the addresses they resolved to', () => {
    const file = fileObject(createEmptyStore('local'));
    file.filterLists = [
      { name: 'L', description: '', filters: [{ description: '', srcaddr: 'me', dstaddr: 'web.contoso.com', dstresolved: ['10.0.0.5'], protocol: 0, srcport: 0, dstport: 0, mirrored: true }] },
    ];
    const imported = value(importPolicyStore(createEmptyStore('local'), JSON.stringify(file))).store;
    expect(findFilterList(imported, 'L')?.filters[0]?.dstaddr).toEqual({ kind: 'dns', name: 'web.contoso.com', addresses: ['10.0.0.5'] });
    expect(exportPolicyStore(roundTrip(imported))).toBe(exportPolicyStore(imported));
  });
});

describe('importpolicy merge', () => {
  it('adds new objects and replaces same-named ones, keeping ids so links hold', () => {
    const target = createDefaultLocalStore();
    const file = fileObject(createDefaultLocalStore());
    file.policies = [];
    file.filterActions = [];
    file.filterLists = [
      { name: 'all ip traffic', description: 'Replaced', filters: [{ description: '', srcaddr: 'me', dstaddr: '10.0.0.0', dstmask: '255.0.0.0', protocol: 0, srcport: 0, dstport: 0, mirrored: true }] },
      { name: 'New List', description: '', filters: [] },
    ];
    const r = value(importPolicyStore(target, JSON.stringify(file)));
    expect(r.summary.filterLists).toEqual({ added: 1, replaced: 1 });
    const replaced = findFilterList(r.store, 'All IP Traffic');
    expect(replaced).toMatchObject({ id: 'filterlist:2', name: 'all ip traffic', description: 'Replaced' });
    expect(findFilterList(r.store, 'New List')?.id).toBe('filterlist:16');
    // Server (Request Security) still links to the replaced list.
    expect(findPolicy(r.store, 'Server (Request Security)')?.rules[0]).toMatchObject({ filterListId: 'filterlist:2' });
    expect(r.store.policies).toEqual(target.policies);
  });

  it('imports into a store that has the same objects by replacing them all', () => {
    const original = customStore();
    const r = value(importPolicyStore(original, exportPolicyStore(original)));
    expect(r.summary).toEqual({
      filterLists: { added: 0, replaced: 2 },
      filterActions: { added: 0, replaced: 2 },
      policies: { added: 0, replaced: 1 },
    });
    expect(exportPolicyStore(r.store)).toBe(exportPolicyStore(original));
  });

  it('an assigned import un-assigns the store\'s policy; the domain store ignores assignment', () => {
    const target = unwrap(setPolicy(createDefaultLocalStore(), { name: 'Client (Respond Only)', assign: true }));
    const merged = roundTrip(customStore(), target);
    expect(merged.policies.filter((p) => p.assigned).map((p) => p.name)).toEqual([BRANCH]);
    const domain = roundTrip(customStore(), createEmptyStore('domain'));
    expect(domain.policies.some((p) => p.assigned)).toBe(false);
  });
});

describe('importpolicy rejects bad files with a clear message', () => {
  it('oversize, not JSON, not ours, wrong version', () => {
    expect(importError(' '.repeat(IMPORT_LIMITS.chars + 1))).toBe(
      `The file is too large (${IMPORT_LIMITS.chars + 1} characters; the limit is ${IMPORT_LIMITS.chars}).`,
    );
    expect(importError('{"format": "ipsec-lab.policy-store",')).toMatch(/^The file is not valid JSON \(.+\)\.$/);
    const notOurs = 'This is not an IPSec Lab policy file (expected "format": "ipsec-lab.policy-store").';
    expect(importError('[1,2]')).toBe(notOurs);
    expect(importError({ format: 'something-else', version: 1 })).toBe(notOurs);
    expect(importError({ ...fileObject(), version: 2 })).toBe(
      'Unsupported policy file version 2: this version of IPSec Lab reads version 1 only.',
    );
    expect(importError({ ...fileObject(), version: '1' })).toBe(
      'Unsupported policy file version "1": this version of IPSec Lab reads version 1 only.',
    );
  });

  it('shape errors name the field', () => {
    const missing = fileObject();
    delete (missing.policies[0] as Partial<Mutable<PolicyFile['policies'][number]>>).rules;
    expect(importError(missing)).toBe('file.policies[0]: missing field "rules".');
    const wrongType = fileObject();
    wrongType.filterLists[0]!.filters[0]!.protocol = '6' as never;
    expect(importError(wrongType)).toBe('file.filterLists[0].filters[0].protocol: expected a whole number.');
    const proto = exportPolicyStore(customStore()).replace('"description": "HTTP to the web server"', '"__proto__": {"x": 1}, "description": ""');
    expect(importError(proto)).toBe('file.filterLists[0]: unknown field "__proto__".');
    const many = fileObject();
    many.policies = new Array(IMPORT_LIMITS.objects + 1).fill(null);
    expect(importError(many)).toBe(`file.policies: more than ${IMPORT_LIMITS.objects} entries.`);
    const badAuth = fileObject();
    badAuth.policies[0]!.rules[0]!.auth = [{ method: 'psk' } as never];
    expect(importError(badAuth)).toBe('file.policies[0].rules[0].auth[0]: missing field "key".');
  });

  it('value errors use the netsh parsers and store checks', () => {
    const offer = fileObject();
    offer.filterActions[0]!.qmsecmethods = ['ESP[AES,SHA1]'];
    expect(importError(offer)).toBe(
      'filterActions[0].qmsecmethods[0]: "AES" in "ESP[AES,SHA1]" is not an ESP encryption algorithm: use DES, 3DES or None (Windows Server 2003 IPSec has no AES).',
    );
    const address = fileObject();
    address.filterLists[0]!.filters[0]!.dstaddr = '300.1.1.1';
    expect(importError(address)).toBe('filterLists[0].filters[0].dstaddr: "300.1.1.1" is not a valid IP address.');
    const port = fileObject();
    port.filterLists[0]!.filters[0]!.dstport = 70000;
    expect(importError(port)).toBe('filterLists[0].filters[0]: The value 70000 for dstport is not valid: it must be between 0 and 65535.');
    const twice = fileObject();
    twice.filterLists[0]!.filters.push(twice.filterLists[0]!.filters[0]!);
    expect(importError(twice)).toBe('filterLists[0].filters[2]: the same filter appears twice in Filter List "Web Traffic".');
  });

  it('reference and uniqueness errors name the object', () => {
    const dangling = fileObject();
    dangling.policies[0]!.rules[0]!.filterlist = 'Nope';
    expect(importError(dangling)).toBe('policies[0].rules[0]: Filter List with name "Nope" does not exist.');
    const dup = fileObject();
    dup.policies.push(dup.policies[0]!);
    expect(importError(dup)).toBe('policies[1]: A Policy with name "Branch Office" already exists.');
    const noAuth = fileObject();
    noAuth.policies[0]!.defaultRule.auth = [];
    expect(importError(noAuth)).toBe('policies[0].defaultRule: At least one authentication method must be given.');
    const noMethods = fileObject();
    noMethods.filterActions[0]!.qmsecmethods = [];
    expect(importError(noMethods)).toBe('filterActions[0]: At least one security method must be given.');
    const range = fileObject();
    range.policies[0]!.pollinginterval = 0;
    expect(importError(range)).toBe('policies[0]: The value 0 for pollinginterval is not valid: it must be between 1 and 71582788.');
  });

  it('never throws, and a failure leaves the store as it was', () => {
    const target = createDefaultLocalStore();
    const before = JSON.stringify(target);
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(importPolicyStore(target, deep).ok).toBe(false);
    const valid = exportPolicyStore(customStore());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: valid.length }), fc.integer({ min: 0, max: 40 }), fc.string(), (at, cut, insert) => {
        const text = valid.slice(0, at) + insert + valid.slice(Math.min(at + cut, valid.length));
        const r = importPolicyStore(target, text);
        if (r.ok) expect(typeof exportPolicyStore(r.value.store)).toBe('string');
        else expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (content) => {
        const r = importPolicyStore(target, JSON.stringify({ format: 'ipsec-lab.policy-store', version: 1, policies: content }));
        expect(r.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    expect(JSON.stringify(target)).toBe(before);
  });
});
