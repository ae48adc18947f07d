import { describe, expect, it } from 'vitest';
import { CMD, transcript, twoHosts, type } from '../helpers/console-transcript.js';

describe('interactive netsh at the console', () => {
  it('takes over the prompt, walks the contexts and hands back to cmd.exe', () => {
    const lab = twoHosts();
    const screen = transcript(lab, 'SRV1', ['netsh', 'ipsec', 'static', 'add policy name=Inside', '..', 'dynamic', '..', '..', 'exit', 'hostname']);
    expect(screen).toBe(
      [
        `${CMD}netsh`,
        'netsh>ipsec',
        'netsh ipsec>static',
        'netsh ipsec static>add policy name=Inside',
        'netsh ipsec static>..',
        'netsh ipsec>dynamic',
        'netsh ipsec dynamic>..',
        'netsh ipsec>..',
        'netsh>exit',
        '',
        `${CMD}hostname`,
        'SRV1',
        '',
        '',
      ].join('\n'),
    );
    expect(lab.host('SRV1')?.stores.local.policies.some((p) => p.name === 'Inside')).toBe(true);
    expect(lab.host('SRV1')?.console.netsh).toBeNull();
  });

  it('starts in the context -c names, and bye and quit leave as exit does', () => {
    const lab = twoHosts();
    expect(transcript(lab, 'SRV1', ['netsh -c "ipsec static"', 'bye'])).toBe(`${CMD}netsh -c "ipsec static"\nnetsh ipsec static>bye\n\n`);
    expect(transcript(lab, 'SRV1', ['netsh', 'pushd ipsec dynamic', 'popd', 'quit'])).toBe(
      `${CMD}netsh\nnetsh>pushd ipsec dynamic\nnetsh ipsec dynamic>popd\nnetsh>quit\n\n`,
    );
  });

  it('prints errors inside netsh without cmd.exe\'s blank line', () => {
    const lab = twoHosts();
    expect(transcript(lab, 'SRV1', ['netsh ipsec static', 'netsh -c ipsec', 'static', 'delete rule all Nope', 'frob'])).toBe(
      [
        `${CMD}netsh ipsec static`,
        '',
        'The following commands are available:',
        '',
        'Commands in this context:',
        '?              - Displays a list of commands.',
        'add            - Creates new policies and related information.',
        'delete         - Deletes policies and related information.',
        'dump           - Displays a configuration script.',
        'exportpolicy   - Exports all the policies from the policy store.',
        'help           - Displays a list of commands.',
        'importpolicy   - Imports the policies from a file to the policy store.',
        'set            - Modifies existing policies and related information.',
        'show           - Displays details of policies and related information.',
        '',
        'To view help for a command, type the command, followed by a space, and then',
        ' type ?.',
        '',
        `${CMD}netsh -c ipsec`,
        'netsh ipsec>static',
        'netsh ipsec static>delete rule all Nope',
        'ERR IPsec[05001] : Policy with name "Nope" does not exist.',
        'netsh ipsec static>frob',
        'The following command was not found: frob.',
        '',
      ].join('\n'),
    );
  });

  it('keeps the store chosen by set store for the session, and a new netsh starts on local', () => {
    const lab = twoHosts();
    type(lab, 'SRV1', 'netsh -c "ipsec static"');
    expect(type(lab, 'SRV1', 'set store location=persistent')).toBe('');
    type(lab, 'SRV1', 'add policy Boot assign=yes');
    expect(type(lab, 'SRV1', 'show store')).toBe('Current Store          : Persistent Store <SRV1>\n');
    type(lab, 'SRV1', 'exit');
    expect(type(lab, 'SRV1', 'netsh ipsec static show store')).toBe('Current Store          : Local Store <SRV1>\n\n');
    const host = lab.host('SRV1');
    expect(host?.stores.persistent.policies.map((p) => [p.name, p.assigned])).toEqual([['Boot', true]]);
    expect(host?.stores.local.policies.some((p) => p.name === 'Boot')).toBe(false);
  });
});

describe('netsh on Windows XP and 2000', () => {
  for (const host of ['WS1', 'W2K1']) {
    it(`${host} has netsh without the ipsec context`, () => {
      const lab = twoHosts();
      expect(type(lab, host, 'netsh ipsec static add policy name=X')).toBe('The following command was not found: ipsec static add policy name=X.\n\n');
      expect(type(lab, host, 'netsh -c ipsec')).toBe('The following command was not found: ipsec.\n\n');
      expect(transcript(lab, host, ['netsh', 'ipsec', 'exit'])).toBe(`${CMD}netsh\nnetsh>ipsec\nThe following command was not found: ipsec.\nnetsh>exit\n\n`);
      const help = type(lab, host, 'netsh ?');
      expect(help).toContain('exec           - Runs a script file.');
      expect(help).not.toContain('ipsec');
      expect(lab.host(host)?.stores.local.policies.some((p) => p.name === 'X')).toBe(false);
    });
  }
});

describe('scripts and files', () => {
  it('runs a script written with echo through netsh -f, output in script order', () => {
    const lab = twoHosts();
    const writes = [
      'echo pushd ipsec static> setup.txt',
      'echo add policy Scripted>> setup.txt',
      'echo add filteraction Bad qmsec="ESP[AES,SHA1]">> setup.txt',
      'echo delete policy Missing>> setup.txt',
      'echo popd>> setup.txt',
    ];
    for (const line of writes) expect(type(lab, 'SRV1', line)).toBe('\n');
    expect(type(lab, 'SRV1', 'type setup.txt')).toBe(
      'pushd ipsec static\nadd policy Scripted\nadd filteraction Bad qmsec="ESP[AES,SHA1]"\ndelete policy Missing\npopd\n\n',
    );
    expect(type(lab, 'SRV1', 'netsh -f setup.txt')).toBe(
      'The parameter is incorrect.\nERR IPsec[05001] : Policy with name "Missing" does not exist.\n\n',
    );
    expect(lab.host('SRV1')?.stores.local.policies.some((p) => p.name === 'Scripted')).toBe(true);
  });

  it('runs the same file with exec inside netsh, by absolute path too', () => {
    const lab = twoHosts();
    type(lab, 'SRV1', 'echo add filterlist FromExec > "C:\\Documents and Settings\\Administrator\\My Documents\\s.txt"');
    expect(transcript(lab, 'SRV1', ['netsh', 'ipsec static', 'exec "c:\\documents and settings\\administrator\\my documents\\S.TXT"', 'exit'])).toBe(
      `${CMD}netsh\nnetsh>ipsec static\nnetsh ipsec static>exec "c:\\documents and settings\\administrator\\my documents\\S.TXT"\nnetsh ipsec static>exit\n\n`,
    );
    expect(lab.host('SRV1')?.stores.local.filterLists.some((l) => l.name === 'FromExec')).toBe(true);
  });

  it('echoes as cmd.exe does', () => {
    const lab = twoHosts();
    expect(type(lab, 'SRV1', 'echo')).toBe('ECHO is on.\n\n');
    expect(type(lab, 'SRV1', 'echo.')).toBe('\n\n');
    expect(type(lab, 'SRV1', 'echo  two  spaces ')).toBe(' two  spaces \n\n');
    expect(type(lab, 'SRV1', 'echo a^>b')).toBe('a>b\n\n');
    expect(type(lab, 'SRV1', 'echo "quoted > kept"')).toBe('"quoted > kept"\n\n');
    expect(type(lab, 'SRV1', 'echo hi > nul')).toBe('\n');
    type(lab, 'SRV1', 'echo one> f.txt');
    type(lab, 'SRV1', 'echo two >>F.TXT');
    expect(lab.host('SRV1')?.files).toEqual({ 'C:\\Documents and Settings\\Administrator\\f.txt': 'one\ntwo \n' });
    expect(type(lab, 'SRV1', 'echo x > C:\\NoSuchDir\\f.txt')).toBe('The system cannot find the path specified.\n\n');
    expect(type(lab, 'SRV1', 'type missing.txt')).toBe('The system cannot find the file specified.\n\n');
  });

  it('turns echo off and on: no prompt and no blank line while off', () => {
    const lab = twoHosts();
    expect(type(lab, 'SRV1', 'echo off')).toBe('');
    expect(lab.prompt('SRV1')).toBe('');
    expect(type(lab, 'SRV1', 'echo')).toBe('ECHO is off.\n');
    expect(type(lab, 'SRV1', 'echo on')).toBe('\n');
    expect(lab.prompt('SRV1')).toBe(CMD);
  });

  it('lists the directory with dir, files and sizes as on disk', () => {
    const lab = twoHosts();
    type(lab, 'SRV1', 'echo hello> a.txt');
    expect(type(lab, 'SRV1', 'dir')).toBe(
      [
        ' Volume in drive C has no label.',
        ' Volume Serial Number is 9209-5579',
        '',
        ' Directory of C:\\Documents and Settings\\Administrator',
        '',
        '03/15/2005  09:00 AM    <DIR>          .',
        '03/15/2005  09:00 AM    <DIR>          ..',
        '03/15/2005  09:00 AM    <DIR>          Desktop',
        '03/15/2005  09:00 AM    <DIR>          My Documents',
        '03/15/2005  09:00 AM                 7 a.txt',
        '               1 File(s)              7 bytes',
        '               4 Dir(s)   8,589,934,592 bytes free',
        '',
        '',
      ].join('\n'),
    );
  });

  it('exports the store to a file and imports it back', () => {
    const lab = twoHosts();
    type(lab, 'SRV1', 'netsh ipsec static add policy Exported description="made on SRV1"');
    expect(type(lab, 'SRV1', 'netsh ipsec static exportpolicy file=C:\\policies')).toBe('\n');
    expect(lab.host('SRV1')?.files['C:\\policies.ipsec']).toContain('"Exported"');
    type(lab, 'SRV1', 'netsh ipsec static delete policy Exported');
    expect(type(lab, 'SRV1', 'netsh ipsec static importpolicy \\policies.ipsec')).toBe('\n');
    expect(lab.host('SRV1')?.stores.local.policies.find((p) => p.name === 'Exported')?.description).toBe('made on SRV1');
    expect(type(lab, 'SRV1', 'netsh ipsec static exportpolicy file=C:\\missing\\x.ipsec')).toBe('The system cannot find the path specified.\n\n');
    expect(type(lab, 'SRV1', 'netsh ipsec static importpolicy nothere.ipsec')).toBe('The system cannot find the file specified.\n\n');
  });
});

describe('tab completion', () => {
  it('completes netsh words after netsh at cmd.exe and inside netsh, with object names of the current store', () => {
    const lab = twoHosts();
    expect(lab.complete('SRV1', 'nets')).toEqual(['netsh']);
    expect(lab.complete('SRV1', 'netsh ip')).toEqual(['ipsec']);
    expect(lab.complete('SRV1', 'netsh ipsec static add f')).toEqual(['filter', 'filteraction', 'filterlist']);
    expect(lab.complete('SRV1', 'netsh -c "ipsec static" sh')).toEqual(['show']);
    expect(lab.complete('SRV1', 'netsh ipsec static set policy name=Cl')).toEqual(['name="Client (Respond Only)"']);
    type(lab, 'SRV1', 'netsh ipsec static add policy "Two Words"');
    type(lab, 'SRV1', 'netsh');
    type(lab, 'SRV1', 'ipsec static');
    // The console swaps the last word only: `W` becomes `Words"`.
    expect(lab.complete('SRV1', 'delete policy name="Two W')).toEqual(['Words"']);
    expect(lab.complete('SRV1', 'show po')).toEqual(['policy']);
    expect(lab.complete('WS1', 'netsh ip')).toEqual([]);
  });
});
