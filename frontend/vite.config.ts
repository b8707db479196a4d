import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build goes straight into the service's static resources (served at / by Micronaut).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../target/classes/public',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
      '/health': 'http://localhost:8080',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
