import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_ANSWERS_ID, jsonForHtml } from '../../shared/first-answers';

/** Loads `backend.ts` afresh in a page at `address` whose document may hold the first answers. */
async function pageAt(address: string, answers?: Record<string, unknown>, keptToken?: string) {
  const url = new URL(address);
  const stored = new Map<string, string>(keptToken ? [['sourcewise-token', keptToken]] : []);
  const replaced: string[] = [];
  const block = answers && { textContent: jsonForHtml(answers), remove: vi.fn() };
  const fetch = vi.fn(async (path: string, init: RequestInit) => ({
    status: 200,
    json: async () => ({
      ok: true,
      value: { asked: path, token: (init.headers as Record<string, string>)['x-sourcewise-token'] },
    }),
  }));
  vi.stubGlobal('window', {});
  vi.stubGlobal('location', { pathname: url.pathname, search: url.search, hash: url.hash });
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => stored.set(key, value),
  });
  vi.stubGlobal('history', { replaceState: (_state: unknown, _title: string, to: string) => replaced.push(to) });
  vi.stubGlobal('document', { getElementById: (id: string) => (id === FIRST_ANSWERS_ID ? block : null) });
  vi.stubGlobal('fetch', fetch);
  vi.resetModules();
  const { backend } = await import('./backend');
  return { backend, stored, replaced, block, fetch };
}

afterEach(() => vi.unstubAllGlobals());

describe('browser mode: the token and the first answers', () => {
  it('takes the token from the query, keeps it for the tab and takes it out of the address', async () => {
    const page = await pageAt('http://127.0.0.1:5000/?token=abc#learners');
    expect(page.replaced).toEqual(['/#learners']);
    expect([...page.stored.values()]).toEqual(['abc']);
    expect(await page.backend.listPacks({ learnerId: 'l-1' } as never)).toEqual({ asked: '/api/listPacks', token: 'abc' });
  });

  it('still takes a token from the fragment (an address printed by an older copy)', async () => {
    const page = await pageAt('http://127.0.0.1:5000/#token=def');
    expect(page.replaced).toEqual(['/']);
    expect(await page.backend.getAppInfo({})).toEqual({ asked: '/api/getAppInfo', token: 'def' });
  });

  it('answers each first call once from the page, then asks the server', async () => {
    const learners = [{ id: 'l-1', name: '</script>', createdAt: '2026-01-01T00:00:00.000Z' }];
    const page = await pageAt('http://127.0.0.1:5000/?token=abc', {
      listLearners: { ok: true, value: learners },
      getNotices: { ok: false, error: { code: 'storage-failed', message: 'the disk is full' } },
    });
    expect(page.block!.remove).toHaveBeenCalled();
    expect(await page.backend.listLearners({})).toEqual(learners);
    // An answer that was an error is the same error as from the server.
    await expect(page.backend.getNotices({})).rejects.toMatchObject({ code: 'storage-failed', message: 'the disk is full' });
    expect(page.fetch).not.toHaveBeenCalled();
    expect(await page.backend.listLearners({})).toEqual({ asked: '/api/listLearners', token: 'abc' });
    // A call with an input is never answered from the page.
    expect(await page.backend.getAppInfo({ x: 1 } as never)).toEqual({ asked: '/api/getAppInfo', token: 'abc' });
  });

  it('after a reload (no token in the address, no answers in the page) asks with the token kept for the tab', async () => {
    const page = await pageAt('http://127.0.0.1:5000/#learners', undefined, 'abc');
    expect(page.replaced).toEqual([]);
    expect(await page.backend.listLearners({})).toEqual({ asked: '/api/listLearners', token: 'abc' });
  });
});
