import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The API the dev server and `vite preview` forward to (npm start sets it).
const apiUrl = process.env.MADOGUCHI_API_URL ?? 'http://127.0.0.1:3000';
// xfwd: the API learns each counter PC's address (X-Forwarded-For), which its login back-off counts by.
const proxy = { '/api': { target: apiUrl, xfwd: true }, '/health': { target: apiUrl, xfwd: true } };

// The built console's headers (`vite preview`, as `npm start` serves it; the production web server
// sends the same): scripts only from the console's own files, no inline script; MUI writes its
// styles inline, so inline styles are allowed; PDFs open as blob: URLs; never framed.
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

export default defineConfig({
  plugins: [react()],
  // Workspace packages are consumed as TypeScript source (see their "madoguchi-source" export).
  resolve: { conditions: ['madoguchi-source', ...defaultClientConditions] },
  server: { proxy },
  preview: { proxy, headers: CONSOLE_HEADERS },
  // No source maps in the build: the console's source is not served to whoever asks.
  build: { sourcemap: false },
});
