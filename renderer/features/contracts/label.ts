import { useTranslation } from 'react-i18next';
import type { Contract } from '../../../shared/domain/contract';

/** "Premium", "Managed Firewall module", "IT asset management type X"… in the current language. */
export function useContractLabel() {
  const { t } = useTranslation(['contracts', 'catalog']);
  // Item labels are keyed by service and the seed's letter, known only at run time.
  const tx = t as unknown as (key: string, options?: { defaultValue: string }) => string;
  const part = (k: Pick<Contract, 'service' | 'category' | 'module' | 'item'>): string => {
    if (k.category && k.category !== 'module') return t(`contracts:category.${k.category}`);
    if (k.module) return t(`contracts:module.${k.module}`);
    if (k.item) return tx(`contracts:item.${k.service}.${k.item}`, { defaultValue: k.item });
    return '';
  };
  const service = (k: Pick<Contract, 'service'>) => t(`catalog:service.${k.service}`);
  return { part, service };
}
