import { describe, expect, it } from 'vitest';
import { initialSession, runNetshCommandLine, runNetshLine } from './index.js';

/** Reference §1.2, capture S32: Windows Server 2003, verbatim (the blank line after the typed command included). */
const CAPTURE_2003 = `
The following commands are available:

Commands in this context:
show all       - Displays details of all policies and related information.
show filteraction - Displays filter action details.
show filterlist - Displays filter list details.
show gpoassignedpolicy - Displays details of a group assigned policy.
show policy    - Displays policy details.
show rule      - Displays rule details.
show store     - Displays the current policy store.
`;

const STATIC = initialSession(['ipsec', 'static']);
const out = (line: string, state = STATIC) => runNetshLine(state, line).output;

const ADD_FILTERLIST_USAGE = `
Usage:
  filterlist [ name = ] <string>
             [ [ description = ] <string> ]

  Creates a filter list with no filters in it.

Parameters:

  Tag           Value
  name        - Name of the new filter list.
  description - Text describing the filter list.

Remarks: Put filters in it with "add filter".

Examples:

  add filterlist "Web Traffic" description="HTTP to this server"
`;

describe('command lists', () => {
  it('matches the real 2003 capture of `netsh ipsec  static show`', () => {
    const r = runNetshCommandLine('ipsec  static show');
    expect(r.output).toBe(CAPTURE_2003);
    expect(r.exitCode).toBe(0);
  });

  it('prints the same list for show, show ?, show help and help show', () => {
    for (const line of ['show', 'show ?', 'show /?', 'sh help', 'help show', '? show']) expect(out(line), line).toBe(CAPTURE_2003);
  });

  it('lists the ipsec context with its sub-contexts', () => {
    expect(out('?', initialSession(['ipsec']))).toBe(
      [
        '',
        'The following commands are available:',
        '',
        'Commands in this context:',
        '?              - Displays a list of commands.',
        'dump           - Displays a configuration script.',
        "dynamic        - Changes to the `netsh ipsec dynamic' context.",
        'help           - Displays a list of commands.',
        "static         - Changes to the `netsh ipsec static' context.",
        '',
        'The following sub-contexts are available:',
        ' dynamic static',
        '',
        'To view help for a command, type the command, followed by a space, and then',
        ' type ?.',
        '',
      ].join('\n'),
    );
  });

  it('lists the static context', () => {
    const text = out('help');
    expect(text).toContain('Commands in this context:\n?              - Displays a list of commands.\nadd            - Creates new policies and related information.\n');
    expect(text).toContain('exportpolicy   - Exports all the policies from the policy store.\n');
    expect(text).not.toContain('sub-contexts');
  });

  it('lists the dynamic add and set groups', () => {
    const dynamic = initialSession(['ipsec', 'dynamic']);
    expect(out('add', dynamic)).toContain(
      'add mmpolicy   - Adds a main mode policy to SPD.\nadd qmpolicy   - Adds a quick mode policy to SPD.\nadd rule       - Adds a rule and associated filters to SPD.\n',
    );
    expect(out('set', dynamic)).toContain('set config     - Sets the IPsec configuration and boot time behavior.\n');
  });
});

describe('usage blocks', () => {
  it('is printed alone when a command gets no parameters', () => {
    const r = runNetshLine(STATIC, 'add filterlist');
    expect(r.output).toBe(ADD_FILTERLIST_USAGE);
    expect(r.failed).toBe(true);
  });

  it('answers `?` after a command without failing', () => {
    for (const line of ['add filterlist ?', 'add filterlist /?', 'add filterlist help', 'help add filterlist']) {
      const r = runNetshLine(STATIC, line);
      expect(r.output, line).toBe(ADD_FILTERLIST_USAGE);
      expect(r.failed, line).toBe(false);
    }
  });

  it('writes alternatives on one line and starts with the object', () => {
    expect(out('delete rule ?')).toMatch(/^\nUsage:\n {2}rule \[ name = \] <string> \| \[ id = \] <integer> \| \[ all \]\n {7}\[ policy = \] <string>\n\n/);
    expect(out('exportpolicy')).toMatch(/^\nUsage:\n {2}exportpolicy \[ file = \] <string>\n/);
  });

  it('runs commands whose parameters are all optional instead of printing usage', () => {
    expect(runNetshLine(STATIC, 'show all').requests).toHaveLength(1);
    expect(runNetshLine(STATIC, 'delete all').requests).toHaveLength(1);
  });
});

describe('error layouts', () => {
  it('names the line of an unknown command, ending with a full stop', () => {
    expect(out('frobnicate  the "big thing"')).toBe('The following command was not found: frobnicate the "big thing".\n');
    expect(out('add widget x')).toBe('The following command was not found: add widget x.\n');
    expect(out('"add" policy x')).toBe('The following command was not found: "add" policy x.\n');
  });

  it('prints the essential-parameters lines, then the usage block', () => {
    expect(out('add filterlist description=x')).toBe(
      'One or more essential parameters were not entered.\n' +
        'Verify the required parameters, and reenter them.\n' +
        'The syntax supplied for this command is not valid. Check help for the correct syntax.\n' +
        ADD_FILTERLIST_USAGE,
    );
    expect(out('show policy level=verbose')).toMatch(/^One or more essential parameters were not entered\.\n/);
  });

  it('prints the syntax line and usage for an unknown tag', () => {
    expect(out('add filterlist name=a colour=red')).toBe(
      'The syntax supplied for this command is not valid. Check help for the correct syntax.\n' + ADD_FILTERLIST_USAGE,
    );
  });

  it('prints "The parameter is incorrect." for a bad value', () => {
    const r = runNetshLine(STATIC, 'add policy P qmpermm=lots');
    expect(r).toMatchObject({ output: 'The parameter is incorrect.\n', failed: true, requests: [] });
  });

  it('prints a generic verb usage when it gets words it does not take', () => {
    expect(out('.. now')).toBe('\nUsage: ..\n\nRemarks: Returns to the parent context.\n');
    expect(out('pushd ?')).toMatch(/^\nUsage: pushd \[command\]/);
  });
});
