/**
 * Browser mode: serves the built renderer and the contract as JSON over HTTP on 127.0.0.1.
 *
 * Who may call: only a page this server served, on its own loopback address (Host and Origin are
 * checked, which also defeats DNS rebinding), holding the random token minted at start. The token
 * reaches the page in the address the server prints (`/?token=…`): a page request that carries it gets
 * the answers to the first screen's calls inside the page (`FIRST_CALLS`), so that the app shows its
 * first screen without a round trip; any other page request gets the page alone. The page keeps the
 * token for its tab and takes it out of the address at once; no response is ever sent a Referer
 * (`Referrer-Policy: no-referrer`) and the page with the answers is never cached (`no-store`).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Service } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { failureText, type Envelope, type ErrorBody, type ErrorCode } from '../../shared/errors';
import { FIRST_ANSWERS_ID, FIRST_CALLS, jsonForHtml } from '../../shared/first-answers';

/**
 * `node:http` through `require`: imported as an ES module, its namespace reads every export, and the
 * lazy `WebSocket` export loads undici, 20 ms or more before the address can be printed (start-up,
 * docs/performance.md, fifth round).
 */
const { createServer } = createRequire(import.meta.url)('node:http') as typeof import('node:http');

export const TOKEN_HEADER = 'x-sourcewise-token';
export const API_PREFIX = '/api/';
/** Largest request body accepted: a progress file (20 MB at most) JSON-encoded inside a call. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;
/**
 * How long the page with the first answers waits for them (a backend still loading, a very large data
 * folder): after that it is sent without them, and the app makes the calls itself, as on a reload.
 */
export const FIRST_ANSWERS_WAIT_MS = 1_000;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

const STATUS_FOR: Partial<Record<ErrorCode, number>> = {
  'unknown-method': 404,
  'invalid-input': 400,
  unauthorized: 401,
  'forbidden-origin': 403,
  'instructor-locked': 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'read-only': 409,
  'storage-failed': 507,
  internal: 500,
};

/** Runs one contract call on a backend that loads in its own time (browser mode's) and gives its envelope. */
export type Caller = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export interface WebServerOptions {
  /** The backend, or the function that runs each call on it once it has loaded (browser mode). */
  api: Service | Caller;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (message: string) => void;
}

export interface RunningWebServer {
  /** The address to open, token included. */
  url: string;
  origin: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => {});
  const call: Caller =
    typeof options.api === 'function'
      ? options.api
      : async (method, input) => {
          // Loaded only when a `Backend` is given (tests): browser mode passes a `Caller`, which loads
          // the schemas with the backend, after the address is printed.
          const { dispatch } = await import('../../shared/dispatch');
          return dispatch(options.api as Service, method, input, (error) => log(`${method} failed: ${failureText(error)}`));
        };
  let allowedHosts: Set<string> = new Set();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`request failed: ${String(error)}`);
      if (!response.headersSent) sendError(response, 500, { code: 'internal', message: 'the server failed to answer' });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (!allowedHosts.has(host)) {
      return sendError(response, 403, {
        code: 'forbidden-origin',
        message: `Host "${host.slice(0, 100)}" is not this server's loopback address`,
      });
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return sendError(response, 403, { code: 'forbidden-origin', message: `Origin "${origin.slice(0, 100)}" is not this app` });
    }
    const url = new URL(request.url ?? '/', 'http://placeholder');
    const path = url.pathname;
    if (path.startsWith(API_PREFIX)) {
      const method = decodeSafely(path.slice(API_PREFIX.length));
      if (method === undefined) {
        return sendError(response, 400, { code: 'invalid-input', message: 'the method name has a bad percent-encoding' });
      }
      return handleApi(request, response, method);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendError(response, 405, { code: 'invalid-input', message: `${request.method} is not allowed here` });
    }
    return serveStatic(response, path, request.method === 'HEAD', url.searchParams.get('token') ?? undefined);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') {
      return sendError(response, 405, { code: 'invalid-input', message: 'contract calls are POST requests with a JSON body' });
    }
    if (!tokenMatches(request.headers[TOKEN_HEADER], token)) {
      return sendError(response, 401, { code: 'unauthorized', message: `missing or wrong token in the ${TOKEN_HEADER} header` });
    }
    // The media type before any parameters (`; charset=utf-8`), exactly: not a prefix of another type.
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      return sendError(response, 415, { code: 'invalid-input', message: 'the body must be application/json' });
    }
    const body = await readBody(request);
    if (body === 'too-large') {
      return sendError(response, 413, { code: 'too-large', message: `the body is larger than ${MAX_BODY_BYTES} bytes` });
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch (error) {
      return sendError(response, 400, {
        code: 'invalid-input',
        message: `the body is not valid JSON: ${(error as Error).message}`,
      });
    }
    const envelope = await call(method, input);
    if (envelope.ok) return sendJson(response, 200, envelope);
    return sendError(response, STATUS_FOR[envelope.error.code] ?? 400, envelope.error);
  }

  /** A file of the built renderer; the page with the first answers when `pageToken` is the token. */
  async function serveStatic(response: ServerResponse, path: string, headOnly: boolean, pageToken?: string): Promise<void> {
    const relative = path === '/' ? 'index.html' : decodeSafely(path.slice(1));
    const file = relative === undefined ? undefined : normalize(join(options.rendererDir, relative));
    if (file === undefined || !file.startsWith(normalize(options.rendererDir) + sep)) {
      return sendError(response, 404, { code: 'not-found', message: 'no such file' });
    }
    let content: Buffer;
    try {
      // Served only as itself: a path through a symbolic link (which could lead out of the folder) is refused.
      const inside = file.slice(normalize(options.rendererDir).length);
      if ((await realpath(file)) !== join(await realpath(options.rendererDir), inside)) throw new Error('a link');
      content = await readFile(file);
    } catch {
      return sendError(response, 404, { code: 'not-found', message: `no such file: ${path.slice(0, 200)}` });
    }
    const links = relative === 'index.html' ? preloadLinks(content.toString('utf8')) : undefined;
    if (relative === 'index.html' && tokenMatches(pageToken, token)) {
      return servePageWithAnswers(response, content.toString('utf8'), links, headOnly);
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': content.length,
      'cache-control': 'no-cache',
      ...(links ? { link: links } : {}),
    });
    response.end(headOnly ? undefined : content);
  }

  /**
   * The page, streamed: everything before `</body>` at once (the browser fetches the script and the
   * style sheet meanwhile), then the answers to the first calls as a JSON data block, which the page
   * reads and never runs, once the backend has given them.
   */
  async function servePageWithAnswers(response: ServerResponse, html: string, links: string | undefined, headOnly: boolean) {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': MIME_TYPES['.html']!,
      // The learners' names are in it: the browser keeps no copy.
      'cache-control': 'no-store',
      ...(links ? { link: links } : {}),
    });
    const end = html.lastIndexOf('</body>');
    if (headOnly || end < 0) return void response.end(headOnly ? undefined : html);
    response.write(html.slice(0, end));
    const answers = await firstAnswers();
    if (response.destroyed) return;
    const block = answers ? `<script type="application/json" id="${FIRST_ANSWERS_ID}">${jsonForHtml(answers)}</script>` : '';
    response.end(block + html.slice(end));
  }

  /** Each first call's envelope by method name, or nothing if the backend has not answered them all in time. */
  async function firstAnswers(): Promise<Record<string, Envelope<unknown>> | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), FIRST_ANSWERS_WAIT_MS)));
    const answers = Promise.all(FIRST_CALLS.map(async (method) => [method, await call(method, {})] as const)).then(
      (pairs) => Object.fromEntries(pairs),
      (error: unknown) => {
        log(`the first answers failed: ${String(error)}`);
        return undefined;
      },
    );
    try {
      return await Promise.race([answers, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const SECURITY_HEADERS = {
  'content-security-policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/**
 * The page's own script and style sheet, announced in a `Link` header with the page, so that the
 * browser starts fetching them when the headers arrive rather than once it has parsed the HTML
 * (start-up, docs/performance.md). The page is served at `/`, so `./x` is `/x`.
 */
export function preloadLinks(html: string): string | undefined {
  const links = [
    ...[...html.matchAll(/<script type="module"[^>]*\ssrc="\.\/([^"]+)"/g)].map(([, src]) => `</${src}>; rel=modulepreload`),
    ...[...html.matchAll(/<link rel="stylesheet"[^>]*\shref="\.\/([^"]+)"/g)].map(
      ([, href]) => `</${href}>; rel=preload; as=style; crossorigin`,
    ),
  ];
  return links.length > 0 ? links.join(', ') : undefined;
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function decodeSafely(path: string): string | undefined {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes('\0') ? undefined : decoded;
  } catch {
    return undefined;
  }
}

function readBody(request: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

function sendError(response: ServerResponse, status: number, error: ErrorBody): void {
  sendJson(response, status, { ok: false, error });
}
