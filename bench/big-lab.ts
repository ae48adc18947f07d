import type { LabSpec, HostSpec } from '../engine/index.js';

/** A domain with one OU of `count` Server 2003 computers (and a DC), for scale measurements. */
export function bigLab(count: number): LabSpec {
  const hosts: HostSpec[] = [
    {
      name: 'DC1',
      version: '2003',
      domain: 'big.test',
      roles: ['domain-controller', 'dns-server'],
      nic: { address: '10.0.0.2', mask: '255.0.0.0', gateway: null, dnsServers: ['10.0.0.2'], winsServer: null, mac: '00-0C-29-00-00-02' },
    },
  ];
  for (let i = 0; i < count; i++) {
    const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${(i & 255) + 0}`;
    hosts.push({
      name: `PC${String(i).padStart(5, '0')}`,
      version: i % 3 === 0 ? 'XP' : '2003',
      domain: 'big.test',
      ou: 'Rollout',
      nic: { address: address === '10.0.0.2' ? '10.255.255.254' : address, mask: '255.0.0.0', gateway: null, dnsServers: ['10.0.0.2'], winsServer: null, mac: '00-0C-29-00-00-03' },
    });
  }
  return { id: `big-${count}`, title: `${count} computers`, seed: 1, domains: [{ name: 'big.test', dc: 'DC1', ous: ['Rollout'] }], hosts };
}
