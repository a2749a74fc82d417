// The built console's headers, wherever it is served: by `vite preview` (npm start) and by nginx in
// production (deploy/nginx/madoguchi-console-headers.conf; the production system test holds it to
// these). Scripts only from the console's own files, no inline script; MUI writes its styles
// inline, so inline styles are allowed; PDFs open as blob: URLs; never framed.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
export const CONSOLE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
