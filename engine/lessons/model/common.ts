import { str, type Node } from '../schema/dsl.js';

/*
 * Field shapes shared by the pack files. Patterns are anchored regular expressions so they can
 * go into the JSON Schema unchanged; `templated` fields may hold `{{variable}}` placeholders.
 */

export const ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,63}$';
export const LESSON_DIR_PATTERN = '^[0-9]{2}-[a-z0-9][a-z0-9-]{0,60}$';
/** NetBIOS computer names: up to 15 characters [R: the script parser takes the same]. */
export const HOST_PATTERN = '^[A-Za-z0-9][A-Za-z0-9-]{0,14}$';
export const DOMAIN_PATTERN = '^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$';
export const IPV4_PATTERN = '^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$';
export const SUBNET_PATTERN = '^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/([89]|[12][0-9]|30)$';
export const MAC_PATTERN = '^[0-9A-Fa-f]{2}(-[0-9A-Fa-f]{2}){5}$';
export const DURATION_PATTERN = '^([0-9]+(ms|s|m|h|d))+$';
export const SEMVER_PATTERN = '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$';
/** Space-separated comparators: `>=0.1.0 <1.0.0`, `^0.1.0`, `~1.2.0`, `1.2.3`, `*`. */
export const RANGE_PATTERN = '^\\s*(\\*|(\\^|~|>=|<=|>|<|=)?[0-9]+\\.[0-9]+\\.[0-9]+)(\\s+(\\^|~|>=|<=|>|<|=)?[0-9]+\\.[0-9]+\\.[0-9]+)*\\s*$';

/** Text an instructor writes: never empty, bounded so one field cannot swamp the app. */
export const text = (doc?: string): Node<string> => str({ minLength: 1, maxLength: 4000, templated: true, ...(doc ? { doc } : {}) });

export const longText = (doc?: string): Node<string> => str({ minLength: 1, maxLength: 20000, templated: true, ...(doc ? { doc } : {}) });

export const id = (doc?: string): Node<string> =>
  str({ pattern: ID_PATTERN, expected: 'an id of lower-case letters, digits and dashes, such as "assign-policy"', ...(doc ? { doc } : {}) });

export const hostName = (doc = 'A host of the lab, as its NetBIOS name (SRV1).'): Node<string> =>
  str({ pattern: HOST_PATTERN, expected: 'a computer name (letters, digits, dashes; at most 15)', templated: true, doc });

export const domainName = (doc = 'A domain of the lab, by its DNS name (example.test).'): Node<string> =>
  str({ pattern: DOMAIN_PATTERN, expected: 'a DNS domain name such as example.test', templated: true, doc });

export const ipv4 = (doc?: string): Node<string> =>
  str({ pattern: IPV4_PATTERN, expected: 'an IPv4 address such as 192.168.1.10', templated: true, ...(doc ? { doc } : {}) });

export const duration = (doc?: string): Node<string> =>
  str({ pattern: DURATION_PATTERN, expected: 'a time such as 30m, 1h30m or 45s', ...(doc ? { doc } : {}) });

/** An OU as a slash path from the domain down, `Servers/Test`. */
export const ouPath = (doc = 'An OU as a path from the domain down, such as Servers/Test.'): Node<string> =>
  str({ minLength: 1, maxLength: 512, templated: true, doc });

/** A script line: `HOST> command`, `@advance 90m`, `@action {json}`. */
export const scriptLine = (doc = 'A line as in solution.txt: "HOST> command", "@advance 90m" or "@action {json}".'): Node<string> =>
  str({ minLength: 1, maxLength: 8000, templated: true, doc });
