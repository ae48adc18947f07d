import { afterEach, describe, expect, it } from 'vitest';
import { LabService } from '../../service/lab-service.js';
import { PtyScreen } from '../helpers/pty-screen.js';

let service: LabService | undefined;
let screen: PtyScreen | undefined;
afterEach(() => {
  screen?.kill();
  service?.close();
});

describe('ipsec-lab shell --attach', () => {
  it('drives the running lab and says in one line when the lab goes away', async () => {
    service = await LabService.start();
    screen = new PtyScreen(['shell', '--attach', service.endpoint.path, '--host', 'SRV2'], {
      IPSEC_LAB_TOKEN: service.endpoint.token,
    });
    await screen.waitFor('Administrator>');
    screen.type('hostname\r');
    await screen.waitFor('SRV2');
    expect(service.shells.lab.transcript).toHaveLength(1);
    service.close();
    await expect(screen.waitForExit()).resolves.toBe(1);
    const last = screen.lines().filter((l) => l.startsWith('ipsec-lab:'));
    expect(last).toEqual(['ipsec-lab: The connection to the lab service closed.']);
  });

  it('refuses a wrong token in one line', async () => {
    service = await LabService.start();
    screen = new PtyScreen(['shell', '--attach', service.endpoint.path], { IPSEC_LAB_TOKEN: 'guess' });
    await expect(screen.waitForExit()).resolves.not.toBe(0);
    expect(screen.text()).toBe('ipsec-lab: the lab refused this console: wrong token');
  });
});
