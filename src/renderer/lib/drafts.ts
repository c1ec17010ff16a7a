/**
 * Answers a learner has chosen but not yet checked, kept in the tab's session storage so that a
 * reload, or Back and Forward, finds the choice where the learner left it. A learner expects that
 * much of one tab; closing the tab forgets them, and a checked answer is saved by the backend, so its
 * draft goes. Each exercise reads its own draft back and keeps only what still fits the item.
 */

/** One exercise's draft: what its form holds, as plain JSON. */
export interface Draft {
  read(): Record<string, unknown> | undefined;
  write(value: Record<string, unknown>): void;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class Drafts {
  private readonly storage: DraftStorage | undefined;
  private readonly prefix: string;

  /** `scope` names the learner and the pack; without storage (a preview) nothing is kept. */
  constructor(storage: DraftStorage | undefined, scope: string) {
    this.storage = storage;
    this.prefix = `sourcewise:draft:${scope}:`;
  }

  of(itemId: string): Draft {
    const key = this.prefix + itemId;
    return {
      read: () => {
        try {
          const value: unknown = JSON.parse(this.storage?.getItem(key) ?? 'null');
          return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? (value as Record<string, unknown>)
            : undefined;
        } catch {
          return undefined;
        }
      },
      write: (value) => {
        try {
          // A form with nothing chosen (one only shown, say) leaves no draft behind.
          if (Object.values(value).every(isEmpty)) this.storage?.removeItem(key);
          else this.storage?.setItem(key, JSON.stringify(value));
        } catch {
          // Storage full or refused: the choice stays on screen, it is only not kept across a reload.
        }
      },
    };
  }

  clear(itemId: string): void {
    this.storage?.removeItem(this.prefix + itemId);
  }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.every(isEmpty));
}

/** The tab's session storage where there is one (not in unit tests, not where the browser refuses it). */
export function sessionDraftStorage(): DraftStorage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** A value read back from a draft, kept only if it is still one the exercise offers. */
export function stillOffered<T>(value: unknown, offered: readonly T[]): T | undefined {
  return offered.find((candidate) => candidate === value);
}
