import { describe, expect, it } from 'vitest';
import { initialSession, netshPrompt, runNetshCommandLine, runNetshLine, type NetshDeps, type NetshSession } from './index.js';

/** Runs lines as a console would and renders prompt, typed line and output like a screen. */
function transcript(lines: readonly string[], deps: NetshDeps = {}, start: NetshSession = initialSession()): string {
  let state = start;
  let screen = '';
  for (const line of lines) {
    screen += `${netshPrompt(state)}${line}\n`;
    const result = runNetshLine(state, line, deps);
    screen += result.output;
    state = result.newState;
    if (result.exit) return `${screen}[exit]\n`;
  }
  return screen;
}

describe('interactive navigation', () => {
  it('enters contexts, goes up and exits with the right prompts', () => {
    expect(transcript(['ipsec', 'static', '..', 'dynamic', '..', '..', 'exit'])).toBe(
      ['netsh>ipsec', 'netsh ipsec>static', 'netsh ipsec static>..', 'netsh ipsec>dynamic', 'netsh ipsec dynamic>..', 'netsh ipsec>..', 'netsh>exit', '[exit]', ''].join(
        '\n',
      ),
    );
  });

  it('enters a nested context in one line, with abbreviations', () => {
    const r = runNetshLine(initialSession(), 'ip st');
    expect(netshPrompt(r.newState)).toBe('netsh ipsec static>');
    expect(r.output).toBe('');
  });

  it('runs a command in a sub-context without leaving the current one', () => {
    const r = runNetshLine(initialSession(['ipsec']), 'static add filterlist FL1');
    expect(r.newState.path).toEqual(['ipsec']);
    expect(r.requests.map((q) => q.command)).toEqual(['static.add.filterlist']);
  });

  it('accepts bye and quit as exit, and .. at the root stays there', () => {
    for (const word of ['bye', 'quit', 'QUIT', 'exi']) expect(runNetshLine(initialSession(['ipsec']), word).exit).toBe(true);
    expect(runNetshLine(initialSession(), '..').newState.path).toEqual([]);
  });

  it('pushd saves the context and popd returns to it', () => {
    let state = initialSession(['ipsec', 'dynamic']);
    state = runNetshLine(state, 'pushd').newState;
    state = runNetshLine(state, '..').newState;
    expect(netshPrompt(state)).toBe('netsh ipsec>');
    state = runNetshLine(state, 'popd').newState;
    expect(netshPrompt(state)).toBe('netsh ipsec dynamic>');
    expect(state.stack).toEqual([]);
  });

  it('pushd with a context name switches to it, as scripts start', () => {
    const r = runNetshLine(initialSession(), 'pushd ipsec static');
    expect(r.newState).toEqual({ path: ['ipsec', 'static'], stack: [[]] });
    expect(runNetshLine(r.newState, 'popd').newState).toEqual({ path: [], stack: [] });
  });

  it('popd with an empty stack does nothing', () => {
    expect(runNetshLine(initialSession(['ipsec']), 'popd')).toMatchObject({ output: '', newState: { path: ['ipsec'], stack: [] } });
  });

  it('keeps the session as plain JSON', () => {
    const r = runNetshLine(initialSession(), 'pushd ipsec static');
    expect(JSON.parse(JSON.stringify(r.newState))).toEqual(r.newState);
  });

  it('successful commands print nothing and hand on a request', () => {
    const r = runNetshLine(initialSession(['ipsec', 'static']), 'add policy name=Test');
    expect(r.output).toBe('');
    expect(r.failed).toBe(false);
    expect(r.requests).toHaveLength(1);
  });

  it('an empty line does nothing', () => {
    expect(runNetshLine(initialSession(['ipsec']), '   ')).toMatchObject({ output: '', failed: false, requests: [] });
  });
});

describe('exec', () => {
  const files: Record<string, string> = {
    'c:\\setup.txt': '# build a policy\r\npushd ipsec static\r\nadd policy name=P1\r\n\r\nadd filterlist FL1\r\npopd\r\n',
    'bad.txt': 'ipsec static add policy\nipsec static add filterlist FL2\n',
    'loop.txt': 'exec loop.txt\n',
    'quit.txt': 'ipsec static add filterlist A\nexit\nipsec static add filterlist B\n',
  };
  const deps: NetshDeps = { readFile: (path) => files[path] };

  it('runs a script through deps.readFile and keeps its context changes balanced', () => {
    const r = runNetshLine(initialSession(), 'exec c:\\setup.txt', deps);
    expect(r.output).toBe('');
    expect(r.requests.map((q) => q.command)).toEqual(['static.add.policy', 'static.add.filterlist']);
    expect(r.newState).toEqual({ path: [], stack: [] });
  });

  it('goes on after an error in the script', () => {
    const r = runNetshLine(initialSession(), 'exec bad.txt', deps);
    expect(r.output).toMatch(/^\nUsage:\n {2}policy/);
    expect(r.requests.map((q) => q.command)).toEqual(['static.add.filterlist']);
    expect(r.failed).toBe(true);
  });

  it('stops at exit', () => {
    const r = runNetshLine(initialSession(), 'exec quit.txt', deps);
    expect(r.exit).toBe(true);
    expect(r.requests).toHaveLength(1);
  });

  it('reports a missing file and a script that runs itself', () => {
    expect(runNetshLine(initialSession(), 'exec nothere.txt', deps).output).toBe('The system cannot find the file specified.\n');
    expect(runNetshLine(initialSession(), 'exec "nothere.txt"').output).toBe('The system cannot find the file specified.\n');
    expect(runNetshLine(initialSession(), 'exec loop.txt', deps).output).toBe('Recursion too deep; the stack overflowed.\n');
  });

  it('prints its usage when the file is missing from the line', () => {
    expect(runNetshLine(initialSession(), 'exec').output).toBe('\nUsage: exec <ScriptFile>\n\nRemarks: Loads the script file and runs the commands in it.\n');
  });
});

describe('netsh typed at cmd.exe', () => {
  it('runs one command from the root', () => {
    const r = runNetshCommandLine('ipsec static add policy name=Test');
    expect(r).toMatchObject({ output: '', exitCode: 0 });
    expect(r.requests[0]).toMatchObject({ command: 'static.add.policy', args: { name: 'Test' } });
  });

  it('starts in the context given by -c', () => {
    const r = runNetshCommandLine('-c "ipsec static" add policy name=Test');
    expect(r.requests[0]?.command).toBe('static.add.policy');
    expect(runNetshCommandLine('-c "ipsec nowhere" show').output).toBe('The following command was not found: ipsec nowhere.\n');
  });

  it('without a command hands back an interactive session', () => {
    expect(runNetshCommandLine('')).toEqual({ output: '', requests: [], exitCode: 0, interactive: { path: [], stack: [] } });
    expect(runNetshCommandLine('-c ipsec').interactive).toEqual({ path: ['ipsec'], stack: [] });
  });

  it('runs a script with -f and returns', () => {
    const deps: NetshDeps = { readFile: (p) => (p === 'x.txt' ? 'pushd ipsec static\nadd policy A\npopd\nexit\n' : undefined) };
    const r = runNetshCommandLine('-f x.txt', deps);
    expect(r.requests.map((q) => q.command)).toEqual(['static.add.policy']);
    expect(r.interactive).toBeUndefined();
    expect(runNetshCommandLine('-f missing.txt', deps)).toMatchObject({ exitCode: 1, output: 'The system cannot find the file specified.\n' });
  });

  it('lists a bare context instead of entering it', () => {
    const r = runNetshCommandLine('ipsec');
    expect(r.output).toContain("static         - Changes to the `netsh ipsec static' context.");
    expect(r.interactive).toBeUndefined();
  });

  it('sets the exit code on errors and prints usage for options it does not know', () => {
    expect(runNetshCommandLine('ipsec static add policy').exitCode).toBe(1);
    expect(runNetshCommandLine('ipsec bogus').output).toBe('The following command was not found: ipsec bogus.\n');
    expect(runNetshCommandLine('-r server1 ipsec').output).toMatch(/^Usage: netsh /);
    expect(runNetshCommandLine('-c').exitCode).toBe(1);
  });

  it('answers /? with its usage and the root command list', () => {
    const out = runNetshCommandLine('/?').output;
    expect(out).toMatch(/^Usage: netsh \[-a AliasFile\] \[-c Context\] \[-r RemoteMachine\]\n {13}\[Command \| -f ScriptFile\]\n\nThe following commands are available:/);
    expect(out).toContain('\nipsec          - Changes to the `netsh ipsec\' context.\n');
  });
});
