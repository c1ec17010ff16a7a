/**
 * The renderer's way to its backend, chosen once at start-up: the preload's bridge in the desktop
 * shell, or JSON over HTTP to the loopback server in browser mode. Either way the screens see the
 * same `Api` and get `ApiError`s with the backend's code and message.
 */
import type { Api, MethodName } from '../../shared/contract';
import { ApiError, type Envelope } from '../../shared/errors';
import { FIRST_ANSWERS_ID } from '../../shared/first-answers';

type Bridge = Record<MethodName, (input: unknown) => Promise<Envelope<unknown>>>;

declare global {
  interface Window {
    sourcewise?: Bridge;
  }
}

const TOKEN_KEY = 'sourcewise-token';

/** What the learner is told when the server cannot be reached: plain words, and what to do. */
export const UNREACHABLE_MESSAGE =
  'Sourcewise cannot reach its server, so this was not saved. Check that Sourcewise is still running on this computer, then try again. Everything saved before is safe.';
/** After a restart of `npm run web` the page's key (token) is out of date: only a fresh page helps. */
export const RESTARTED_MESSAGE =
  'Sourcewise was started again, so this page has to be reloaded. Reload the page, or open the new address Sourcewise showed when it started. Everything saved before is safe.';

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw ApiError.fromBody(envelope.error);
}

/**
 * Both transports are proxies that turn `api.method(input)` into a call by name, so the renderer
 * needs only the contract's types (and its bundle carries no schema library); the backend checks
 * the name and the input.
 */
function callsByName(call: (method: string, input: unknown) => Promise<unknown>): Api {
  return new Proxy({} as Api, {
    // `then` stays undefined so that the proxy is never mistaken for a promise.
    get: (_target, method) =>
      typeof method === 'string' && method !== 'then' ? (input: unknown) => call(method, input) : undefined,
  });
}

function viaBridge(bridge: Bridge): Api {
  return callsByName(async (method, input) => {
    const send = bridge[method as MethodName];
    if (typeof send !== 'function') throw new ApiError('unknown-method', `unknown method "${method}"`);
    return unwrap(await send(input));
  });
}

/**
 * Browser mode: the token arrives once in the address the server printed (`?token=`, or `#token=` in an
 * address from an older copy), is kept for this tab only, and leaves the address at once.
 */
function readToken(): string {
  const query = new URLSearchParams(location.search);
  const fromQuery = query.get('token');
  const fromHash = fromQuery ? null : new URLSearchParams(location.hash.slice(1)).get('token');
  const given = fromQuery ?? fromHash;
  if (given) {
    sessionStorage.setItem(TOKEN_KEY, given);
    query.delete('token');
    const rest = query.toString();
    history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : '') + (fromHash ? '' : location.hash));
    return given;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/**
 * The answers to the first calls that came with the page (`FIRST_ANSWERS_ID`, browser mode), by method
 * name; empty when the page came without them (a reload, the desktop shell). The block is data, read
 * with `JSON.parse`, and removed from the page once read.
 */
export function firstAnswers(): Map<string, Envelope<unknown>> {
  const block = document.getElementById(FIRST_ANSWERS_ID);
  if (!block) return new Map();
  block.remove();
  try {
    return new Map(Object.entries(JSON.parse(block.textContent ?? '') as Record<string, Envelope<unknown>>));
  } catch {
    return new Map();
  }
}

/** True for the input the first calls are made with: `{}`, or nothing. */
function isEmptyInput(input: unknown): boolean {
  return input === undefined || (typeof input === 'object' && input !== null && Object.keys(input).length === 0);
}

function viaHttp(token: string, answers: Map<string, Envelope<unknown>>): Api {
  return callsByName(async (method, input) => {
    // The first call of a method whose answer came with the page takes that answer, once; later calls ask.
    const answer = isEmptyInput(input) ? answers.get(method) : undefined;
    if (answer) {
      answers.delete(method);
      return unwrap(answer);
    }
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sourcewise-token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new ApiError('transport-failed', UNREACHABLE_MESSAGE);
    }
    // The token is minted at every start: a page from before a restart is refused (401), as is one from another origin (403).
    if (response.status === 401 || response.status === 403) throw new ApiError('unauthorized', RESTARTED_MESSAGE);
    let body: Envelope<unknown>;
    try {
      body = (await response.json()) as Envelope<unknown>;
    } catch {
      throw new ApiError('transport-failed', UNREACHABLE_MESSAGE);
    }
    return unwrap(body);
  });
}

export const backend: Api = window.sourcewise ? viaBridge(window.sourcewise) : viaHttp(readToken(), firstAnswers());
