/**
 * The demo world's companies: two sales partners and six customers with a mix of services. All
 * names, people, phone numbers and addresses are fictitious; domains use the reserved `.example`
 * top-level domain and addresses the documentation ranges (RFC 5737) or private ranges.
 */
import type { CsocModule } from '../catalog';
import type { Customer, Partner } from '../domain/entities';

export const DEMO_PARTNERS: Partner[] = [
  {
    id: 'p-minato',
    nameJa: '株式会社ミナト情報システム',
    nameEn: 'Minato Information Systems Co., Ltd.',
    deskPhone: '03-5550-0100',
    deskEmail: 'soc-desk@minato-is.example',
  },
  {
    id: 'p-hokuto',
    nameJa: '北斗ネットワークサービス株式会社',
    nameEn: 'Hokuto Network Services Inc.',
    deskPhone: '011-555-0150',
    deskEmail: 'security-support@hokuto-ns.example',
  },
];

/** What each demo customer has, beyond its master data: drives contracts, devices and alerts. */
export interface DemoProfile {
  customer: Customer;
  socInPocket: boolean;
  csoc: null | { category: 'premium' | 'advanced' | 'basic'; modules: CsocModule[] };
  secureEndpoint: string[];
  ddos: string[];
  cwpp: boolean;
  /** Mean CTS alerts per day, and mean C-SOC incidents per day. */
  ctsRate: number;
  csocRate: number;
  /** Host name prefix and subnet of the internal network. */
  hostPrefix: string;
  subnet: string;
}

const customer = (
  id: string,
  partnerId: string,
  nameJa: string,
  nameEn: string,
  industry: [string, string],
  contact: Customer['contact'],
  perimeter: Customer['perimeter'],
): Customer => ({
  id,
  partnerId,
  nameJa,
  nameEn,
  industryJa: industry[0],
  industryEn: industry[1],
  contact,
  perimeter,
});

export const DEMO_PROFILES: DemoProfile[] = [
  {
    customer: customer(
      'c-sakuragawa',
      'p-minato',
      '桜川精機株式会社',
      'Sakuragawa Precision Co., Ltd.',
      ['製造業', 'Manufacturing'],
      {
        name: '佐藤 美咲',
        nameKana: 'サトウ ミサキ',
        department: '総務部 情報システム課',
        phone: '03-5550-0141',
        email: 'misaki.sato@sakuragawa-seiki.example',
      },
      { utmWithUrlFilter: false, firewallAndProxy: false },
    ),
    socInPocket: true,
    csoc: null,
    secureEndpoint: [],
    ddos: [],
    cwpp: false,
    ctsRate: 4,
    csocRate: 0,
    hostPrefix: 'SKG',
    subnet: '192.168.10',
  },
  {
    customer: customer(
      'c-aoba',
      'p-minato',
      '青葉会計事務所',
      'Aoba Accounting Office',
      ['専門サービス業', 'Professional services'],
      {
        name: '鈴木 健一',
        nameKana: 'スズキ ケンイチ',
        department: '事務局',
        phone: '022-555-0172',
        email: 'k.suzuki@aoba-kaikei.example',
      },
      { utmWithUrlFilter: true, firewallAndProxy: false },
    ),
    socInPocket: true,
    csoc: null,
    secureEndpoint: [],
    ddos: [],
    cwpp: true,
    ctsRate: 2,
    csocRate: 0,
    hostPrefix: 'AOBA',
    subnet: '192.168.20',
  },
  {
    customer: customer(
      'c-kawasemi',
      'p-minato',
      'かわせみ物流株式会社',
      'Kawasemi Logistics Corporation',
      ['運輸・物流業', 'Transport and logistics'],
      {
        name: '高橋 由紀',
        nameKana: 'タカハシ ユキ',
        department: 'IT推進部',
        phone: '045-555-0113',
        email: 'yuki.takahashi@kawasemi-logi.example',
      },
      { utmWithUrlFilter: false, firewallAndProxy: true },
    ),
    socInPocket: false,
    csoc: { category: 'premium', modules: ['firewall', 'swg', 'endpoint', 'm365-log'] },
    secureEndpoint: ['C', 'X'],
    ddos: [],
    cwpp: false,
    ctsRate: 0,
    csocRate: 3,
    hostPrefix: 'KWS',
    subnet: '10.20.1',
  },
  {
    customer: customer(
      'c-hikari',
      'p-hokuto',
      'ひかり医療サービス株式会社',
      'Hikari Medical Services Co., Ltd.',
      ['医療・福祉', 'Healthcare'],
      {
        name: '田中 誠',
        nameKana: 'タナカ マコト',
        department: '経営企画部 システム担当',
        phone: '06-5550-0188',
        email: 'makoto.tanaka@hikari-medical.example',
      },
      { utmWithUrlFilter: true, firewallAndProxy: true },
    ),
    socInPocket: false,
    csoc: { category: 'advanced', modules: ['ips', 'firewall', 'waf', 'cloud-log'] },
    secureEndpoint: [],
    ddos: ['X'],
    cwpp: false,
    ctsRate: 0,
    csocRate: 3.5,
    hostPrefix: 'HKR',
    subnet: '10.40.2',
  },
  {
    customer: customer(
      'c-tsubame',
      'p-hokuto',
      'つばめ食品株式会社',
      'Tsubame Foods Co., Ltd.',
      ['食品製造業', 'Food manufacturing'],
      {
        name: '伊藤 彩',
        nameKana: 'イトウ アヤ',
        department: '管理本部 総務課',
        phone: '052-555-0127',
        email: 'aya.ito@tsubame-foods.example',
      },
      { utmWithUrlFilter: false, firewallAndProxy: false },
    ),
    socInPocket: true,
    csoc: { category: 'basic', modules: ['firewall', 'secure-mx'] },
    secureEndpoint: [],
    ddos: [],
    cwpp: false,
    ctsRate: 3,
    csocRate: 1.5,
    hostPrefix: 'TBM',
    subnet: '192.168.30',
  },
  {
    customer: customer(
      'c-kotobuki',
      'p-hokuto',
      '寿建設株式会社',
      'Kotobuki Construction Co., Ltd.',
      ['建設業', 'Construction'],
      {
        name: '渡辺 大輔',
        nameKana: 'ワタナベ ダイスケ',
        department: '総務部',
        phone: '092-555-0199',
        email: 'd.watanabe@kotobuki-kensetsu.example',
      },
      { utmWithUrlFilter: true, firewallAndProxy: false },
    ),
    socInPocket: true,
    csoc: null,
    secureEndpoint: ['C', 'X'],
    ddos: ['E'],
    cwpp: true,
    ctsRate: 3.5,
    csocRate: 0,
    hostPrefix: 'KTB',
    subnet: '192.168.40',
  },
];
