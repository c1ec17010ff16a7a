/**
 * The Content-Security-Policy of every page the app shows. One definition, used by the build
 * (a <meta> tag in index.html), by the browser-mode server (a response header) and checked by tests.
 * No 'unsafe-inline', no 'unsafe-eval', no remote origin: everything comes from the app itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "media-src 'none'",
].join('; ');
