// The instructor gate as the class reports and the studio hold it: first use, unlocking, a wrong
// passphrase, changing it and locking again, against a stub of the API.
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/errors';
import { recordingApi } from '../../shared/testing/stub-api';
import { InstructorMode } from './instructor-mode.svelte';

const PASSPHRASE = 'teacher-only';

/** A backend with one passphrase (or none yet), unlocked by the right one. */
function backend(initial: { set: boolean; unlocked: boolean }) {
  const status = { ...initial };
  return {
    status,
    ...recordingApi({
      getInstructorStatus: async () => ({ ...status }),
      setInstructorPassphrase: async () => {
        Object.assign(status, { set: true, unlocked: true });
        return { unlocked: true };
      },
      unlockInstructor: async ({ passphrase }) => {
        status.unlocked = passphrase === PASSPHRASE;
        return { unlocked: status.unlocked };
      },
      lockInstructor: async () => {
        status.unlocked = false;
        return {};
      },
      changeInstructorPassphrase: async ({ current }) => {
        if (current !== PASSPHRASE) throw new ApiError('invalid-input', 'the current passphrase is not right');
        return {};
      },
    }),
  };
}

describe('InstructorMode', () => {
  it('checks the status, and on first use sets the passphrase typed twice, then tells the screen', async () => {
    const { api, inputsOf } = backend({ set: false, unlocked: false });
    const onchange = vi.fn(async () => undefined);
    const mode = new InstructorMode(api, onchange);
    expect(await mode.check()).toBe(false);
    expect(mode.status).toEqual({ set: false, unlocked: false });

    await mode.setUp(PASSPHRASE, 'teacher-onyl');
    expect(mode.problem).toBe('The two passphrases are not the same.');
    expect(inputsOf('setInstructorPassphrase')).toEqual([]);
    expect(onchange).not.toHaveBeenCalled();

    await mode.setUp(PASSPHRASE, PASSPHRASE);
    expect(inputsOf('setInstructorPassphrase')).toEqual([{ passphrase: PASSPHRASE }]);
    expect(mode.problem).toBe('');
    expect(mode.unlocked).toBe(true);
    expect(mode.busy).toBe(false);
    expect(onchange).toHaveBeenCalledTimes(1);
  });

  it('says a wrong passphrase is wrong and stays locked; the right one unlocks', async () => {
    const { api } = backend({ set: true, unlocked: false });
    const onchange = vi.fn(async () => undefined);
    const mode = new InstructorMode(api, onchange);
    await mode.check();

    await mode.unlock('a-learner-guess');
    expect(mode.problem).toBe('That is not the instructor passphrase.');
    expect(mode.unlocked).toBe(false);
    expect(onchange).not.toHaveBeenCalled();

    await mode.unlock(PASSPHRASE);
    expect(mode.problem).toBe('');
    expect(mode.unlocked).toBe(true);
    expect(onchange).toHaveBeenCalledTimes(1);
  });

  it('shows the backend’s refusal (a throttled try) as the problem, and is not left busy', async () => {
    const { api } = recordingApi({
      getInstructorStatus: async () => ({ set: true, unlocked: false }),
      unlockInstructor: async () => {
        throw new ApiError('conflict', 'too many wrong passphrases in a row: wait 2 seconds before trying again');
      },
    });
    const mode = new InstructorMode(api, async () => undefined);
    await mode.unlock(PASSPHRASE);
    expect(mode.problem).toMatch(/wait 2 seconds/);
    expect(mode.busy).toBe(false);
  });

  it('changes the passphrase only when the new one is typed twice alike and the current one is right', async () => {
    const { api, inputsOf } = backend({ set: true, unlocked: true });
    const mode = new InstructorMode(api, async () => undefined);
    expect(await mode.changePassphrase(PASSPHRASE, 'new-passphrase', 'new-passphrse')).toEqual({
      ok: false,
      message: 'The two new passphrases are not the same.',
    });
    expect(inputsOf('changeInstructorPassphrase')).toEqual([]);
    const wrong = await mode.changePassphrase('not-it-at-all', 'new-passphrase', 'new-passphrase');
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toMatch(/current passphrase is not right/);
    expect(await mode.changePassphrase(PASSPHRASE, 'new-passphrase', 'new-passphrase')).toEqual({
      ok: true,
      message: 'The instructor passphrase was changed.',
    });
  });

  it('locks again and tells the screen, which then shows nothing behind the gate', async () => {
    const { api } = backend({ set: true, unlocked: true });
    const onchange = vi.fn(async () => undefined);
    const mode = new InstructorMode(api, onchange);
    await mode.check();
    expect(mode.unlocked).toBe(true);
    await mode.lock();
    expect(mode.unlocked).toBe(false);
    expect(onchange).toHaveBeenCalledTimes(1);
  });
});
