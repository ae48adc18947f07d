import { describe, expect, it } from 'vitest';
import { LessonSession } from '../../engine/lessons/runner/index.js';
import { examInstance } from '../../engine/lessons/runner/testing.js';
import { openLab, ShellHost } from '../../service/shell-host.js';

describe('ShellHost switching labs', () => {
  it('sends the consoles\' lines to whatever lab or lesson it was switched to', () => {
    const shells = new ShellHost(openLab());
    let changes = 0;
    shells.onChange(() => changes++);
    const first = shells.lab;
    shells.run('SRV1', 'net stop policyagent');
    const session = new LessonSession(examInstance());
    shells.use({ get lab() { return session.lab; }, apply: (action) => session.apply(action) });
    expect(changes).toBe(2);
    expect(shells.lab).toBe(session.lab);
    shells.run('SRV1', 'net stop policyagent');
    expect(session.completions.map((c) => c.step)).toEqual(['stop']);
    expect(first.transcript).toHaveLength(1);
    // A lesson's refusal is answered in the console, as cmd.exe answers any line.
    const reply = shells.run('SRV1', 'netsh ipsec dynamic show all');
    expect(reply.output).toBe('Refused: "netsh ipsec dynamic" is locked in this lesson; nothing was changed.\n\n');
    expect(reply.prompt).toBe('C:\\Documents and Settings\\Administrator>');
    session.undo();
    shells.changed();
    expect(shells.lab).toBe(session.lab);
    shells.use(first);
    expect(shells.lab).toBe(first);
  });
});
