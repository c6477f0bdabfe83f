/**
 * The address a starting browser host prints (`http://127.0.0.1:<port>/?token=…`), read from its
 * output; used by the e2e fixtures and the crash tests (test/crash/host.ts).
 */
import type { ChildProcess } from 'node:child_process';

export function hostUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}):\n${output}`));
    });
  });
}
