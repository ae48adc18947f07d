import { bool, int, list, nullable, obj, oneOf, opt, record, str, type Infer } from '../schema/dsl.js';
import { WINDOWS_VERSIONS } from '../../model/windows-version.js';
import { domainName, hostName, id, ipv4, MAC_PATTERN, ouPath, scriptLine, text } from './common.js';
import { VariableNode, VARIABLE_NAME_PATTERN } from './variables.js';

/*
 * labs/*.yaml: a LabSpec (engine/labs/lab-spec.ts) written as YAML, with defaults for the
 * adapter settings, GPOs to create, setup lines that build the starting state (existing
 * policies, assignments), seeded faults, and variables drawn per student.
 */

const NicNode = obj(
  {
    address: ipv4('The adapter address.'),
    mask: opt(ipv4('Default 255.255.255.0.')),
    gateway: opt(nullable(ipv4('Default gateway; default none.'))),
    dnsServers: opt(list(ipv4(), { maxItems: 4, doc: "Default: the address of the host's domain controller." })),
    winsServer: opt(nullable(ipv4('Default none.'))),
    mac: opt(str({ pattern: MAC_PATTERN, expected: 'a MAC address such as 00-0C-29-3A-10-10', doc: 'Default: derived from the address.' })),
  },
  "The host's one network adapter.",
);

const CertificateNode = obj(
  {
    subject: text('Subject, e.g. CN=SRV1.example.test.'),
    rootCa: text('The root CA the certificate chains to, e.g. CN=Example Root CA.'),
    revoked: opt(bool()),
    crlReachable: opt(bool()),
  },
  'A computer certificate. revoked and crlReachable default to false and true.',
);

const HostNode = obj({
  name: hostName('The computer name.'),
  version: oneOf(WINDOWS_VERSIONS, 'Windows version: "2000", "XP" or "2003" (quote the numbers).'),
  domain: opt(nullable(domainName('The domain the computer is a member of; absent or null for a workgroup computer.'))),
  roles: opt(list(oneOf(['domain-controller', 'dns-server'] as const), { maxItems: 2 })),
  ou: opt(ouPath('OU of the computer account, a path such as Servers/Test; absent = the Computers container.')),
  nic: NicNode,
  listening: opt(list(int({ min: 1, max: 65535 }), { maxItems: 64, doc: 'TCP ports with a listening service; default: RPC, file sharing, Telnet on servers, the directory ports on a DC.' })),
  shares: opt(list(str({ minLength: 1, maxLength: 80 }), { maxItems: 20, doc: 'Shared folders besides the administrative shares.' })),
  certificates: opt(list(CertificateNode, { maxItems: 8, doc: "The computer's certificates, for certificate authentication." })),
  trustedRoots: opt(list(text('A root CA name such as CN=Example Root CA.'), { maxItems: 16, doc: 'Root CAs the computer trusts.' })),
});

const GpoNode = obj({
  name: text('GPO name.'),
  links: opt(list(str({ minLength: 1, templated: true }), { maxItems: 20, doc: 'Where it is linked: OU paths such as Servers/Test, or "." for the domain itself.' })),
});

const DomainNode = obj({
  name: domainName('DNS name of the domain.'),
  netbiosName: opt(str({ pattern: '^[A-Za-z0-9-]{1,15}$', expected: 'a NetBIOS domain name', templated: true })),
  dc: hostName('The domain controller (a host of this lab).'),
  ous: opt(list(ouPath(), { maxItems: 200, doc: 'OUs to create, as paths; parents are created too.' })),
  gpos: opt(list(GpoNode, { maxItems: 50, doc: 'GPOs to create and link before setup runs.' })),
});

const FaultNode = obj({
  description: text('What is wrong, in instructor words (students never see this).'),
  setup: list(scriptLine(), { minItems: 1, maxItems: 200, doc: 'Lines that inject the fault, run after setup.' }),
});

export const LabFileNode = obj(
  {
    id: id('The lab id lessons refer to.'),
    title: text('Shown to students as the lab name.'),
    description: opt(text()),
    seed: opt(int({ min: 0, max: 4294967295, doc: "Seed of the world's own random source (GUIDs, SPIs); default 1. Variables are drawn from the student's seed instead." })),
    domains: opt(list(DomainNode, { maxItems: 10 })),
    hosts: list(HostNode, { minItems: 1, maxItems: 32 }),
    variables: opt(record(VariableNode, VARIABLE_NAME_PATTERN, { maxProps: 50, doc: 'Values drawn per student; use them as {{name}}.' })),
    setup: opt(list(scriptLine(), { maxItems: 2000, doc: 'Lines that build the starting state, run in order before the student starts.' })),
    faults: opt(list(FaultNode, { maxItems: 50, doc: 'Seeded faults the student has to find.' })),
  },
  'labs/*.yaml: a lab topology and its starting state.',
);

export type LabFile = Infer<typeof LabFileNode>;
export type LabHostFile = Infer<typeof HostNode>;
export type LabDomainFile = Infer<typeof DomainNode>;
