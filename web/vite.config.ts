import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Built into web/dist, served at / by the local server and from S3 behind CloudFront in AWS.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // three.js (the 3D view) and jsQR (the gate) are their own chunks, loaded only when used.
    chunkSizeWarningLimit: 800,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
