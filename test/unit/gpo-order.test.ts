import { describe, expect, it } from 'vitest';
import { applicableGpos } from '../../engine/directory/gpo-order.js';
import type { Directory, GpoLink, OrganizationalUnit } from '../../engine/directory/types.js';
import { guid, nextUint32, seedRandom } from '../../engine/random.js';

const link = (gpoId: string, enforced = false, enabled = true): GpoLink => ({ gpoId, enforced, enabled });

function directory(opts: { site?: GpoLink[]; domain?: GpoLink[]; parent?: GpoLink[]; child?: GpoLink[]; blockChild?: boolean }): Directory {
  const ou = (dn: string, parent: string, links: GpoLink[], block = false): OrganizationalUnit => ({
    dn,
    name: dn.split(',')[0]?.slice(3) ?? '',
    parent,
    links,
    blockInheritance: block,
  });
  return {
    forest: 'example.test',
    site: { name: 'Default-First-Site-Name', links: opts.site ?? [] },
    domains: {
      'example.test': {
        name: 'example.test',
        netbiosName: 'EXAMPLE',
        dn: 'DC=example,DC=test',
        dc: 'DC1',
        links: opts.domain ?? [],
        blockInheritance: false,
        gpos: {},
        ipsecStore: { location: 'domain', policies: [], filterLists: [], filterActions: [], nextId: 1 },
        ous: {
          'OU=Servers,DC=example,DC=test': ou('OU=Servers,DC=example,DC=test', 'DC=example,DC=test', opts.parent ?? []),
          'OU=Test,OU=Servers,DC=example,DC=test': ou(
            'OU=Test,OU=Servers,DC=example,DC=test',
            'OU=Servers,DC=example,DC=test',
            opts.child ?? [],
            opts.blockChild,
          ),
        },
      },
    },
  };
}

const order = (d: Directory) =>
  applicableGpos(d, 'example.test', 'OU=Test,OU=Servers,DC=example,DC=test').map((g) => g.gpoId);

describe('Group Policy processing order', () => {
  it('applies site, domain, parent OU, child OU — the child last, so it wins', () => {
    expect(order(directory({ site: [link('S')], domain: [link('D')], parent: [link('P')], child: [link('C')] }))).toEqual([
      'S',
      'D',
      'P',
      'C',
    ]);
  });

  it('applies link order 1 last within one container', () => {
    expect(order(directory({ domain: [link('D1'), link('D2')] }))).toEqual(['D2', 'D1']);
  });

  it('skips disabled links', () => {
    expect(order(directory({ domain: [link('D', false, false)], child: [link('C')] }))).toEqual(['C']);
  });

  it('drops inherited links under Block Inheritance but keeps enforced ones, which then win', () => {
    const d = directory({ site: [link('S')], domain: [link('D'), link('DE', true)], parent: [link('P')], child: [link('C')], blockChild: true });
    expect(order(d)).toEqual(['C', 'DE']);
  });

  it('lets a higher enforced link beat a lower enforced one', () => {
    expect(order(directory({ domain: [link('DE', true)], child: [link('CE', true)] }))).toEqual(['CE', 'DE']);
  });

  it('gives nothing for an unknown domain', () => {
    expect(applicableGpos(directory({}), 'other.test', null)).toEqual([]);
  });
});

describe('the seeded random source', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = seedRandom(42);
    const b = seedRandom(42);
    const c = seedRandom(43);
    const seqA = [1, 2, 3].map(() => nextUint32(a));
    expect([1, 2, 3].map(() => nextUint32(b))).toEqual(seqA);
    expect([1, 2, 3].map(() => nextUint32(c))).not.toEqual(seqA);
    expect(guid(seedRandom(7))).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
  });
});
