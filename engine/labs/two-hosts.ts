import type { Nic } from '../model/host.js';
import type { LabSpec } from './lab-spec.js';

function nic(address: string, mac: string): Nic {
  return {
    address,
    mask: '255.255.255.0',
    gateway: '192.168.1.1',
    dnsServers: ['192.168.1.2'],
    winsServer: null,
    mac,
  };
}

/**
 * The default lab: domain example.test with its domain controller, two Server 2003 members,
 * and an XP and a 2000 computer so per-version behaviour can be seen. No IPSec policy assigned.
 */
export const TWO_HOSTS: LabSpec = {
  id: 'two-hosts',
  title: 'Two servers in example.test',
  seed: 2003,
  domains: [{ name: 'example.test', netbiosName: 'EXAMPLE', dc: 'DC1' }],
  hosts: [
    {
      name: 'DC1',
      version: '2003',
      domain: 'example.test',
      roles: ['domain-controller', 'dns-server'],
      nic: nic('192.168.1.2', '00-0C-29-3A-10-02'),
    },
    { name: 'SRV1', version: '2003', domain: 'example.test', nic: nic('192.168.1.10', '00-0C-29-3A-10-10') },
    { name: 'SRV2', version: '2003', domain: 'example.test', nic: nic('192.168.1.20', '00-0C-29-3A-10-20') },
    { name: 'WS1', version: 'XP', domain: 'example.test', nic: nic('192.168.1.30', '00-0C-29-3A-10-30') },
    { name: 'W2K1', version: '2000', domain: 'example.test', nic: nic('192.168.1.40', '00-0C-29-3A-10-40') },
  ],
};
