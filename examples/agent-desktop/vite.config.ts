import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Workspace packages are read from their TypeScript sources: no build step before `dev`.
  resolve: { conditions: ['@switchboard/source', ...defaultClientConditions] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // One chunk of about 190 KB gzipped: React, the core, the first-party plugins, zod and the
  // phone-number metadata of the memory CRM; the softphone (sip.js, the device manager) loads on
  // its own after sign-in.
  build: { chunkSizeWarningLimit: 700 },
});
