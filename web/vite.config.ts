import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the Secretary server under /app/ (src/platform/http/mini-app.ts): hashed assets in
// dist/assets get a year of cache, index.html is revalidated on every load.
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
