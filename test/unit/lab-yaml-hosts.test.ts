import { describe, expect, it } from 'vitest';
import { toLabSpec } from '../../engine/lessons/lab-build.js';
import type { LabFile } from '../../engine/lessons/model.js';
import { createWorld } from '../../engine/labs/lab-spec.js';

describe('lab YAML hosts', () => {
  it('carry certificates, trusted roots, listening ports and shares into the world', () => {
    const lab = {
      id: 'pki',
      title: 'PKI',
      hosts: [
        {
          name: 'SRV1',
          version: '2003',
          nic: { address: '10.0.0.1' },
          listening: [23, 445],
          shares: ['Public'],
          certificates: [{ subject: 'CN=SRV1', rootCa: 'CN=Lab Root', revoked: true }],
          trustedRoots: ['CN=Lab Root'],
        },
      ],
    } as unknown as LabFile;
    const host = createWorld(toLabSpec(lab)).hosts.SRV1;
    expect(host?.pki).toEqual({ certificates: [{ subject: 'CN=SRV1', rootCa: 'CN=Lab Root', revoked: true, crlReachable: true }], trustedRoots: ['CN=Lab Root'] });
    expect(host?.services.listening).toEqual([23, 445]);
    expect(host?.services.shares).toContain('Public');
  });
});
