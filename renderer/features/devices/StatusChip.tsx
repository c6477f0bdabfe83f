import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../../../shared/devices';

export function StatusChip({ status }: { status: DeviceStatus }) {
  const { t } = useTranslation('devices');
  return (
    <span className={`chip device-status status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
