/**
 * Parameters several commands share, with help text in our own words. Each constant is one
 * variant (required / with a default / optional) because `set` commands must not invent defaults.
 */
import type { AddressForm } from '../grammar.js';
import { ANY_PROTOCOL, p } from '../params.js';
import { ROOTCA } from './custom-types.js';

export const FILTER_ADDRESS: readonly AddressForm[] = ['me', 'any', 'ip', 'range', 'dns', 'server'];
export const HOST_ADDRESS: readonly AddressForm[] = ['ip', 'dns'];

const HELP = {
  srcaddr:
    'Source address: me, any, an IP address, a range such as\n10.0.0.1-10.0.0.9, a DNS name, or a server keyword\n(DNS, WINS, DHCP, GATEWAY).',
  dstaddr: 'Destination address, written like srcaddr.',
  protocol: 'ANY, ICMP, TCP, UDP, RAW or a protocol number 0-255.',
  mirrored: 'yes: the filter also matches the same traffic in the\nopposite direction.',
  srcmask: 'Source mask: dotted (255.255.255.0) or a prefix length (24).\nNot used with an address range.',
  dstmask: 'Destination mask, written like srcmask.',
  srcport: 'Source port 0-65535; 0 means every port. Only TCP and UDP\nhave ports.',
  dstport: 'Destination port, written like srcport.',
  conntype: 'Connections the rule applies to: lan, dialup or all.',
  kerberos: 'yes: offer Kerberos V5 authentication.',
  psk: 'Offer preshared key authentication with this key.',
  rootca:
    'Offer certificate authentication with this root CA.\ncertmap:yes maps certificates to accounts (domain members\nonly); excludecaname:yes leaves the CA name out of the\ncertificate request. May be given more than once.',
} as const;

export const srcaddrRequired = p.address('srcaddr', FILTER_ADDRESS, HELP.srcaddr, { required: true });
export const dstaddrRequired = p.address('dstaddr', FILTER_ADDRESS, HELP.dstaddr, { required: true });
export const srcaddrOptional = p.address('srcaddr', FILTER_ADDRESS, HELP.srcaddr);
export const dstaddrOptional = p.address('dstaddr', FILTER_ADDRESS, HELP.dstaddr);

export const protocolDefault = p.protocol('protocol', `${HELP.protocol}\nDefault: ANY.`, { default: ANY_PROTOCOL });
export const protocolRequired = p.protocol('protocol', HELP.protocol, { required: true });
export const protocolOptional = p.protocol('protocol', HELP.protocol);

export const mirroredDefault = p.yesno('mirrored', `${HELP.mirrored} Default: yes.`, { default: true });
export const mirroredRequired = p.yesno('mirrored', HELP.mirrored, { required: true });

export const srcmask = p.mask('srcmask', HELP.srcmask);
export const dstmask = p.mask('dstmask', HELP.dstmask);

export const srcportDefault = p.port('srcport', `${HELP.srcport} Default: 0.`, { default: 0 });
export const dstportDefault = p.port('dstport', `${HELP.dstport} Default: 0.`, { default: 0 });
export const srcportRequired = p.port('srcport', HELP.srcport, { required: true });
export const dstportRequired = p.port('dstport', HELP.dstport, { required: true });
export const srcportOptional = p.port('srcport', HELP.srcport);
export const dstportOptional = p.port('dstport', HELP.dstport);

const CONNTYPES = ['lan', 'dialup', 'all'] as const;
export const conntypeDefault = p.keyword('conntype', CONNTYPES, `${HELP.conntype} Default: all.`, { default: 'all' });
export const conntypeRequired = p.keyword('conntype', CONNTYPES, HELP.conntype, { required: true });
export const conntypeOptional = p.keyword('conntype', CONNTYPES, HELP.conntype);

export const kerberos = p.yesno('kerberos', HELP.kerberos);
export const psk = p.string('psk', HELP.psk, { syntax: '<preshared key>' });
export const rootca = p.custom('rootca', ROOTCA, HELP.rootca, { repeatable: true });

export const AUTH_REMARK =
  'kerberos, psk and rootca set the authentication methods; the order\nthey are typed in is the order of preference. Inside rootca, write\ninner quotes as \\\'. Setting any of them replaces the whole list.';

const ACTIONS = ['permit', 'block', 'negotiate'] as const;
export const actionInboundDefault = p.keyword('actioninbound', ACTIONS, 'What happens to matching inbound traffic.\nDefault: negotiate.', { default: 'negotiate' });
export const actionOutboundDefault = p.keyword('actionoutbound', ACTIONS, 'What happens to matching outbound traffic.\nDefault: negotiate.', { default: 'negotiate' });
export const actionInbound = p.keyword('actioninbound', ACTIONS, 'What happens to matching inbound traffic.');
export const actionOutbound = p.keyword('actionoutbound', ACTIONS, 'What happens to matching outbound traffic.');

export const formatDefault = p.keyword('format', ['list', 'table'] as const, 'Output as a list or as a table. Default: list.', { default: 'list' });
export const wideDefault = p.yesno('wide', 'no: shorten long names so a table fits 80 columns.\nDefault: yes.', { default: true });
export const levelDefault = p.keyword('level', ['verbose', 'normal'] as const, 'How much detail to show. Default: normal.', { default: 'normal' });
export const resolvednsDefault = p.yesno('resolvedns', 'yes: show the DNS name of each address. Default: no.', { default: false });
