import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ErrorNotice } from '../../../renderer/components/ErrorNotice';
import { LanguageSwitch } from '../../../renderer/components/LanguageSwitch';
import { KpiCards } from '../../../renderer/features/dashboard/KpiCards';
import { i18next } from '../../../renderer/i18n';
import { useSession } from '../../../renderer/stores/session';
import type { DashboardSummary } from '../../../shared/api';
import { installBridge } from './bridge';

const summary: DashboardSummary = {
  customerId: null,
  days: 30,
  asOf: Date.parse('2026-11-22T10:00:00+09:00'),
  openBySeverity: { critical: 3, high: 1200, medium: 5, low: 0, info: 1 },
  openTotal: 1209,
  newLast24h: 7,
  devices: { total: 9, unhealthy: 2 },
  contracts: { total: 12, needingAction: 1 },
  perDay: [],
  topHosts: [],
};

describe('LanguageSwitch', () => {
  it('switches the language at once and remembers it through the API', async () => {
    const { calls } = installBridge({ 'session.setLanguage': { profile: null, language: 'en' } });
    await act(() => useSession.getState().setLanguage('ja'));
    render(<LanguageSwitch />);
    expect(screen.getByRole('button', { name: '日本語' })).toHaveProperty('ariaPressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(i18next.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('group').getAttribute('aria-label')).toBe('Language');
    expect(calls.at(-1)).toEqual({ name: 'session.setLanguage', input: { language: 'en' } });
    await act(() => useSession.getState().setLanguage('ja'));
  });
});

describe('KpiCards', () => {
  it('shows the figures with grouping and each severity in Japanese', () => {
    render(<KpiCards summary={summary} />);
    expect(screen.getByTestId('kpi-open-value').textContent).toBe('1,209');
    expect(screen.getByTestId('kpi-open-high').textContent).toBe('高 1,200');
    expect(screen.getByTestId('kpi-devices').textContent).toContain('全 9 台中');
    expect(screen.getByTestId('kpi-contracts').className).toContain('kpi-attention');
  });
});

describe('ErrorNotice', () => {
  it('translates the error and each located issue', () => {
    render(
      <ErrorNotice
        error={{
          code: 'invalid_input',
          message: 'errors:invalid_input',
          issues: [{ path: 'alerts.3.severity', line: 4, message: 'errors:issue.invalid_value' }],
        }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('入力内容に誤りがあります。');
    expect(screen.getByRole('alert').textContent).toContain(
      'alerts.3.severity (4): 使用できない値です。',
    );
  });
});
