import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The API the dev server and `vite preview` forward to (npm start sets it).
const apiUrl = process.env.MADOGUCHI_API_URL ?? 'http://127.0.0.1:3000';
const proxy = { '/api': apiUrl, '/health': apiUrl };

export default defineConfig({
  plugins: [react()],
  // Workspace packages are consumed as TypeScript source (see their "madoguchi-source" export).
  resolve: { conditions: ['madoguchi-source', ...defaultClientConditions] },
  server: { proxy },
  preview: { proxy },
  build: { sourcemap: true },
});
