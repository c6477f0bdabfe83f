/**
 * Demo contracts for every service of the seeds, dated relative to "today" so the deadlines the
 * app computes (notice deadlines, minimum periods) always fall around the present.
 */
import type { Contract, ContractOption } from '../domain/contract';
import { dayToIsoDate } from '../time';
import type { DemoProfile } from './companies';

/** Monthly fees of C-SOC contracts (yen, fictitious), by category or module. */
const CSOC_FEES: Record<string, number> = {
  premium: 330_000,
  advanced: 220_000,
  basic: 110_000,
  swg: 66_000,
  ips: 88_000,
  firewall: 77_000,
  'secure-mx': 55_000,
  endpoint: 99_000,
  waf: 121_000,
  'secure-access': 44_000,
  'custom-log': 132_000,
  'cloud-log': 143_000,
  'm365-log': 88_000,
};

/** Options a C-SOC module needs from its connected service (000 第7条6, 7, 10). */
const MODULE_OPTIONS: Partial<Record<string, ContractOption[]>> = {
  swg: ['swg-bypass'],
  'm365-log': ['m365-log-monitoring'],
  'cloud-log': ['cloud-log-monitoring'],
};

export function demoContracts(profiles: DemoProfile[], today: number): Contract[] {
  const out: Contract[] = [];
  profiles.forEach((p, index) => {
    const c = p.customer;
    let n = 0;
    const add = (
      fields: Partial<Contract> & Pick<Contract, 'service'>,
      startDaysAgo: number,
      billingLagDays = 0,
    ) => {
      n += 1;
      const start = dayToIsoDate(today - startDaysAgo);
      out.push({
        id: `k-${c.id.slice(2)}-${n}`,
        customerId: c.id,
        category: null,
        module: null,
        item: null,
        options: [],
        managementUnit: null,
        start,
        billingStart: dayToIsoDate(today - startDaysAgo + billingLagDays),
        monthlyFee: null,
        annualFee: null,
        noticeReceived: null,
        requestedEnd: null,
        contractNo: `${fields.service.toUpperCase().replace(/-/g, '')}-${2100 + index * 37 + n}`,
        ...fields,
      });
    };

    if (p.socInPocket) {
      // Term start offsets chosen so one notice deadline is near and others are far (002 第4条).
      const startDaysAgo = [1030, 200, 0, 0, 310, 45][index] ?? 120;
      add(
        {
          service: 'soc-in-pocket',
          annualFee: [792_000, 528_000, 0, 0, 660_000, 594_000][index] ?? 600_000,
        },
        startDaysAgo,
      );
    }
    if (p.csoc) {
      const unit = `${c.id}-unit1`;
      add(
        {
          service: 'iij-c-soc',
          category: p.csoc.category,
          managementUnit: unit,
          monthlyFee: CSOC_FEES[p.csoc.category] ?? 0,
        },
        420 + index * 30,
      );
      p.csoc.modules.forEach((module, i) => {
        // The last module was added recently: its 6-month minimum period (000 第14条) is running.
        const recent = i === p.csoc!.modules.length - 1;
        add(
          {
            service: 'iij-c-soc',
            category: 'module',
            module,
            managementUnit: unit,
            options: MODULE_OPTIONS[module] ?? [],
            monthlyFee: CSOC_FEES[module] ?? 50_000,
          },
          recent ? 150 : 400 - i * 20,
          recent ? 10 : 0,
        );
      });
      if (p.csoc.category === 'premium') {
        add(
          {
            service: 'iij-c-soc',
            item: 'edr-operation',
            managementUnit: unit,
            options: ['edr-operation'],
            monthlyFee: 165_000,
          },
          250,
        );
        add(
          {
            service: 'iij-c-soc',
            item: 'edr-period-licence',
            managementUnit: unit,
            options: ['edr-licence'],
            annualFee: 1_188_000,
          },
          300,
        );
      }
    }
    p.secureEndpoint.forEach((item) => {
      // One customer has given notice on its IT asset management (X) with the VPN pair: the
      // devices screen shows the 30-day return rule (001 第8条4(2)) and the contracts screen the end.
      const leaving = item === 'X' && c.id === 'c-kotobuki';
      add(
        {
          service: 'iij-secure-endpoint',
          item,
          options: item === 'X' ? ['tunnel-device'] : [],
          monthlyFee: item === 'X' ? 48_400 : 26_400,
          noticeReceived: leaving ? dayToIsoDate(today - 10) : null,
        },
        item === 'X' ? 340 : 500,
      );
    });
    p.ddos.forEach((item) => {
      add(
        { service: 'iij-ddos', item, monthlyFee: item === 'X' ? 165_000 : 110_000 },
        item === 'X' ? 320 : 600,
      );
    });
    if (p.cwpp) {
      add(
        { service: 'cwpp', annualFee: index === 1 ? 1_320_000 : 990_000 },
        index === 1 ? 340 : 90,
      );
    }
  });
  return out;
}
