import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCommand, validateCommand } from '../../service/packs/commands.js';
import { EXAMPLE_PACK, scratchPack, type ScratchPack } from './packs-fixture.js';

describe('ipsec-lab validate and test on the example pack', () => {
  it('validates', async () => {
    expect(await validateCommand(EXAMPLE_PACK, { appVersion: '0.1.0' })).toEqual({ code: 0, output: 'examples 1.0.0 is valid: 2 lessons, 2 labs\n' });
  });

  it('proves every lesson, for several students\' seeds', async () => {
    const { code, output } = await testCommand(EXAMPLE_PACK, { appVersion: '0.1.0', seeds: [1, 2, 3] });
    expect(output).toContain('ok   01-test-ou (seed 1): 9 checks fail at the start, the solution (10 actions) completes every step, 5 mutants fail');
    expect(output).toContain('ok   02-secure-pair (seed 3)');
    expect(output.trimEnd().split('\n').at(-1)).toBe('6 lessons proved, 0 failed');
    expect(code).toBe(0);
  });
});

describe('ipsec-lab test on a deliberately broken copy', () => {
  let pack: ScratchPack;
  beforeEach(async () => (pack = await scratchPack()));
  afterEach(() => pack.remove());

  it('names the surviving mutant, the unfinished solution and the check that passes too early', async () => {
    const lesson1 = 'lessons/01-test-ou/lesson.yaml';
    const lesson2 = 'lessons/02-secure-pair/lesson.yaml';
    // 1: nothing checks W2K1's refresh any more, so the mutant that skips it survives.
    await pack.edit(lesson1, (t) => t.replace(/ {6}- id: w2k1-refreshed\n(.*\n){2}/, ''));
    // 2: the solution forgets to assign the policy; and a check that holds from the start.
    await pack.edit('lessons/02-secure-pair/solution.txt', (t) => t.replace(/SRV1> netsh ipsec static set policy .*\n/, ''));
    await pack.edit('lessons/02-secure-pair/mutants.yaml', (t) => t.slice(0, t.indexOf('- id: never-assigned')));
    await pack.edit(lesson2, (t) => t.replace('{ id: esp-out, flow: { from: SRV1, to: SRV2, protocol: tcp, port: 445, expect: esp } }', '{ id: dc-clear, flow: { from: SRV1, to: DC1, protocol: tcp, port: 445, expect: clear } }'));

    const { code, output } = await testCommand(pack.dir, { appVersion: '0.1.0' });
    expect(code).toBe(1);
    const mutantLine = await pack.lineOf('lessons/01-test-ou/mutants.yaml', 'id: no-refresh-on-2000');
    expect(output).toContain(`FAIL 01-test-ou (seed 1)`);
    expect(output).toContain(
      `${join(pack.dir, 'lessons/01-test-ou/mutants.yaml')}:${mutantLine}:3: mutant "no-refresh-on-2000" (Group Policy is refreshed with gpupdate only, which Windows 2000 lacks.) completes every step: no check catches it`,
    );
    const checkLine = await pack.lineOf(lesson2, 'id: dc-clear');
    expect(output).toContain(`${join(pack.dir, lesson2)}:${checkLine}:9: step "assign", check "dc-clear" already passes on the starting world`);
    expect(output).toContain(`${join(pack.dir, 'lessons/02-secure-pair/solution.txt')}: the solution stops at step "assign" (3 of 4 steps done); check "assigned" fails: on SRV1, the active policy is none`);
    expect(output.trimEnd().split('\n').at(-1)).toBe('0 lessons proved, 2 failed');
  });

  it('does not test a pack that does not validate', async () => {
    await pack.edit('pack.yaml', (t) => t.replace('version: 1.0.0', 'version: one'));
    const { code, output } = await testCommand(pack.dir);
    expect(code).toBe(1);
    expect(output).toContain(`${join(pack.dir, 'pack.yaml')}:4:1: "one" is not a semantic version`);
    expect(output).toContain('not tested: fix the errors above first');
  });
});
