import { useEffect } from 'react';

/**
 * Tells the PDF printer (electron/services/pdf) the page is laid out: it waits for
 * `document.body.dataset.printReady === '1'`, or gives up on `printError`. Fonts are awaited first
 * so Japanese text is never printed with a fallback face.
 */
export function usePrintReady(ready: boolean, failed: boolean): void {
  useEffect(() => {
    document.body.classList.add('rpt-print-body');
    return () => {
      document.body.classList.remove('rpt-print-body');
      delete document.body.dataset.printReady;
      delete document.body.dataset.printError;
    };
  }, []);
  useEffect(() => {
    if (failed) document.body.dataset.printError = '1';
    if (!ready) return;
    let cancelled = false;
    // Two frames after the fonts: the charts have measured their text by then.
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (!cancelled) document.body.dataset.printReady = '1';
        }),
      ),
    );
    return () => {
      cancelled = true;
    };
  }, [ready, failed]);
}
