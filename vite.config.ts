import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The SPA is built to dist/ and served by the proxy, which also answers /config.json and /api/*.
// In `npm run dev` the dev stack points the proxy at this dev server instead.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // MUI + MSAL + storage-blob make one large app; the warning is noise for an internal console.
    chunkSizeWarningLimit: 1500,
  },
});
