/**
 * Instructor mode as the screens behind it see it: whether a passphrase is set, whether this run of
 * the app has unlocked it, and the gate's form actions. Class reports and the studio each hold one;
 * the unlocked flag itself lives in the backend, so unlocking on one screen opens both.
 */
import type { Api } from '../../shared/contract';
import { describeError } from './errors';

export type InstructorApi = Pick<
  Api,
  'getInstructorStatus' | 'setInstructorPassphrase' | 'unlockInstructor' | 'changeInstructorPassphrase' | 'lockInstructor'
>;

export class InstructorMode {
  status = $state<{ set: boolean; unlocked: boolean } | undefined>(undefined);
  problem = $state('');
  busy = $state(false);

  private readonly api: InstructorApi;
  /** Called after the mode opens or closes, so the screen can load (or drop) what it shows. */
  private readonly onchange: () => Promise<void>;

  constructor(api: InstructorApi, onchange: () => Promise<void>) {
    this.api = api;
    this.onchange = onchange;
  }

  get unlocked(): boolean {
    return this.status?.unlocked === true;
  }

  async check(): Promise<boolean> {
    this.status = await this.api.getInstructorStatus({});
    return this.status.unlocked;
  }

  /** First use: the passphrase, typed twice. */
  async setUp(passphrase: string, repeated: string): Promise<void> {
    if (passphrase !== repeated) {
      this.problem = 'The two passphrases are not the same.';
      return;
    }
    await this.attempt(() => this.api.setInstructorPassphrase({ passphrase }));
  }

  async unlock(passphrase: string): Promise<void> {
    await this.attempt(async () => {
      const { unlocked } = await this.api.unlockInstructor({ passphrase });
      if (!unlocked) throw new Error('That is not the instructor passphrase.');
    });
  }

  async lock(): Promise<void> {
    await this.api.lockInstructor({});
    await this.check();
    await this.onchange();
  }

  /** Returns a message for the form: what went wrong, or that it worked. */
  async changePassphrase(current: string, next: string, repeated: string): Promise<{ ok: boolean; message: string }> {
    if (next !== repeated) return { ok: false, message: 'The two new passphrases are not the same.' };
    try {
      await this.api.changeInstructorPassphrase({ current, next });
      return { ok: true, message: 'The instructor passphrase was changed.' };
    } catch (error) {
      return { ok: false, message: describeError(error) };
    }
  }

  private async attempt(action: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      await action();
      await this.check();
      await this.onchange();
    } catch (error) {
      this.problem = describeError(error);
    } finally {
      this.busy = false;
    }
  }
}
