import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { CONSOLE_HEADERS } from './src/security-headers';

// The API the dev server and `vite preview` forward to (npm start sets it).
const apiUrl = process.env.MADOGUCHI_API_URL ?? 'http://127.0.0.1:3000';
// xfwd: the API learns each counter PC's address (X-Forwarded-For), which its login back-off counts by.
const proxy = { '/api': { target: apiUrl, xfwd: true }, '/health': { target: apiUrl, xfwd: true } };

export default defineConfig({
  plugins: [react()],
  // Workspace packages are consumed as TypeScript source (see their "madoguchi-source" export).
  resolve: { conditions: ['madoguchi-source', ...defaultClientConditions] },
  server: { proxy },
  preview: { proxy, headers: CONSOLE_HEADERS },
  // No source maps in the build: the console's source is not served to whoever asks.
  build: { sourcemap: false },
});
