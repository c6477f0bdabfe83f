import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: Node-side code (shared/, electron/) runs in Node; renderer code in jsdom.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/renderer/**'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/unit/renderer/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
