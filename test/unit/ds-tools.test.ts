import { describe, expect, it } from 'vitest';
import { builtInLab, Lab } from '../../engine/index.js';

function lab(): Lab {
  const spec = builtInLab('two-hosts');
  if (!spec) throw new Error('missing lab');
  return new Lab(spec);
}

function run(l: Lab, host: string, line: string): string {
  const outcome = l.apply({ type: 'command', host, line });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.shell?.output ?? '';
}

describe('directory tools on the domain controller', () => {
  it('creates an OU, moves a computer into it, and the OU policy then applies', () => {
    const l = lab();
    expect(run(l, 'DC1', 'dsadd ou "OU=Test,DC=example,DC=test"')).toBe('dsadd succeeded:OU=Test,DC=example,DC=test\n\n');
    expect(run(l, 'DC1', 'dsmove "CN=SRV1,CN=Computers,DC=example,DC=test" -newparent "OU=Test,DC=example,DC=test"')).toBe(
      'dsmove succeeded:CN=SRV1,CN=Computers,DC=example,DC=test\n\n',
    );
    expect(l.host('SRV1')?.ou).toBe('OU=Test,DC=example,DC=test');
    expect(run(l, 'DC1', 'dsquery computer "OU=Test,DC=example,DC=test"')).toBe('"CN=SRV1,OU=Test,DC=example,DC=test"\n\n');
  });

  it('answers mistakes in the tools\' own words and changes nothing', () => {
    const l = lab();
    run(l, 'DC1', 'dsadd ou "OU=Test,DC=example,DC=test"');
    const before = JSON.stringify(l.world);
    expect(run(l, 'DC1', 'dsadd ou "OU=Test,DC=example,DC=test"')).toContain('name that is already in use.');
    expect(run(l, 'DC1', 'dsmove "CN=GHOST,CN=Computers,DC=example,DC=test" -newparent "OU=Test,DC=example,DC=test"')).toContain(
      'dsmove failed:CN=GHOST,CN=Computers,DC=example,DC=test:Directory object not found.',
    );
    expect(run(l, 'DC1', 'dsrm "OU=Test,DC=example,DC=test"')).toContain('-noprompt');
    const { transcript, ...rest } = { transcript: null, ...JSON.parse(JSON.stringify(l.world)) };
    expect(transcript).toBeNull();
    expect(JSON.stringify(rest.directory)).toBe(JSON.stringify(JSON.parse(before).directory));
  });

  it('removes an empty OU and exists only on a 2003 domain controller', () => {
    const l = lab();
    run(l, 'DC1', 'dsadd ou "OU=Temp,DC=example,DC=test"');
    expect(run(l, 'DC1', 'dsrm "OU=Temp,DC=example,DC=test" -noprompt')).toBe('dsrm succeeded:OU=Temp,DC=example,DC=test\n\n');
    expect(run(l, 'DC1', 'dsquery ou')).toBe('"OU=Domain Controllers,DC=example,DC=test"\n\n');
    expect(run(l, 'SRV1', 'dsquery ou')).toContain("'dsquery' is not recognized");
  });
});
