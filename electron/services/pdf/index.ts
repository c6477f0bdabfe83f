/** PDF printing for every feature: see print.ts (the one entry point is `printPdf`). */
export { printPdf, PRINT_READY_TIMEOUT_MS } from './print';
