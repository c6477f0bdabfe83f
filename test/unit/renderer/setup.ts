import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n } from '../../../renderer/i18n';

beforeAll(async () => {
  await initI18n('ja');
});

afterEach(() => {
  cleanup();
  delete window.socDesk;
});
