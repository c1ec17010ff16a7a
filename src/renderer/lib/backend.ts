/**
 * The renderer's way to its backend, chosen once at start-up: the preload's bridge in the desktop
 * shell, or JSON over HTTP to the loopback server in browser mode. Either way the screens see the
 * same `Api` and get `ApiError`s with the backend's code and message.
 */
import type { Api, MethodName } from '../../shared/contract';
import { ApiError, type Envelope } from '../../shared/errors';

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

/** Browser mode: the token arrives in the URL fragment once and is kept for this tab only. */
function readToken(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function viaHttp(token: string): Api {
  return callsByName(async (method, input) => {
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

export const backend: Api = window.sourcewise ? viaBridge(window.sourcewise) : viaHttp(readToken());
