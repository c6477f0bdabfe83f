/**
 * How each kind of demo alert reads: title and description templates in Japanese and English
 * ({host}, {dst}), its usual attack stage, severity mix and network shape. CTS kinds follow seed 002
 * 別紙2 §3; C-SOC kinds are those of shared/catalog.ts.
 */
import type { AttackTacticId, KillChainPhase, Severity, ThreatKind } from '../catalog';

export interface KindText {
  ja: string;
  en: string;
  descJa: string;
  descEn: string;
  killChain: KillChainPhase;
  tactic: AttackTacticId;
  severities: ReadonlyArray<readonly [Severity, number]>;
  port: number;
  protocol: string;
  /** Outbound (internal host → external) or inbound (external → internal host). */
  inbound: boolean;
  url: boolean;
}

const low = [
  ['low', 5],
  ['medium', 3],
  ['info', 2],
] as const;
const mid = [
  ['medium', 5],
  ['high', 3],
  ['low', 2],
] as const;
const high = [
  ['high', 5],
  ['critical', 2],
  ['medium', 2],
] as const;
const crit = [
  ['critical', 5],
  ['high', 4],
] as const;

// One line per kind reads best as a table.
// prettier-ignore
export const KIND_TEXTS: Record<ThreatKind, KindText> = {
  'recon-access': { ja: '外部から {host} への偵察行為のアクセス', en: 'Reconnaissance access to {host}', descJa: '{dst} から {host} に対して、公開ポートやサービスを調べる偵察目的のアクセスが繰り返し検知されました。', descEn: 'Repeated probing of open ports and services on {host} from {dst} was detected.', killChain: 'reconnaissance', tactic: 'TA0043', severities: low, port: 443, protocol: 'TCP', inbound: true, url: false },
  'redirect-site': { ja: '{host} が不正な転送先サイトへアクセス', en: '{host} was redirected to a malicious site', descJa: '{host} のブラウザが、攻撃者の用意した転送先サイト {dst} へ誘導されました。', descEn: 'The browser on {host} was redirected to an attacker-controlled site {dst}.', killChain: 'delivery', tactic: 'TA0001', severities: mid, port: 443, protocol: 'HTTPS', inbound: false, url: true },
  'compromised-site': { ja: '{host} が改ざんされたサイトへアクセス', en: '{host} accessed a compromised website', descJa: '{host} から、第三者により改ざんされ不正なコードが埋め込まれたサイト {dst} へのアクセスがありました。', descEn: '{host} visited {dst}, a legitimate site that has been altered to carry malicious code.', killChain: 'delivery', tactic: 'TA0001', severities: mid, port: 443, protocol: 'HTTPS', inbound: false, url: true },
  'malvertising-site': { ja: '{host} が悪性広告サイトへアクセス', en: '{host} loaded a malvertising site', descJa: '{host} のブラウザが、不正な広告を配信するサイト {dst} のコンテンツを読み込みました。', descEn: 'The browser on {host} loaded content from {dst}, which serves malicious advertising.', killChain: 'delivery', tactic: 'TA0001', severities: low, port: 443, protocol: 'HTTPS', inbound: false, url: true },
  'browser-exploit-site': { ja: '{host} がブラウザの脆弱性を狙う攻撃サイトへアクセス', en: '{host} reached a browser exploit site', descJa: '{host} から、ブラウザやプラグインの脆弱性を悪用する攻撃サイト {dst} へのアクセスが検知されました。', descEn: '{host} reached {dst}, a site that attacks vulnerabilities in browsers and plug-ins.', killChain: 'exploitation', tactic: 'TA0002', severities: high, port: 80, protocol: 'HTTP', inbound: false, url: true },
  'browser-fingerprinting-site': { ja: '{host} がブラウザ情報調査サイトへアクセス', en: '{host} was fingerprinted by a profiling site', descJa: '{host} のブラウザの種類やバージョンを調べる不審なサイト {dst} へのアクセスがありました。攻撃の下調べに使われることがあります。', descEn: '{dst} collected the browser type and version of {host}; attackers use this to choose their exploit.', killChain: 'reconnaissance', tactic: 'TA0043', severities: low, port: 443, protocol: 'HTTPS', inbound: false, url: true },
  'malware-download': { ja: '{host} でマルウェアのダウンロード通信', en: 'Malware download by {host}', descJa: '{host} が {dst} からマルウェアと判定されたファイルをダウンロードしました。', descEn: '{host} downloaded a file from {dst} that was identified as malware.', killChain: 'delivery', tactic: 'TA0002', severities: high, port: 80, protocol: 'HTTP', inbound: false, url: true },
  'exploit-kit-download': { ja: '{host} で Exploit kit 攻撃コードのダウンロード', en: 'Exploit kit code downloaded by {host}', descJa: '{host} が {dst} から、脆弱性を自動的に突く攻撃ツール（Exploit kit）のコードを受信しました。', descEn: '{host} received code from {dst} belonging to an exploit kit that attacks vulnerabilities automatically.', killChain: 'exploitation', tactic: 'TA0002', severities: high, port: 443, protocol: 'HTTPS', inbound: false, url: true },
  c2: { ja: '{host} から C&C サーバーへの通信', en: 'C&C communication from {host}', descJa: '{host} が、攻撃者の指令サーバー（C&C）{dst} と定期的に通信しています。マルウェアに感染している可能性があります。', descEn: '{host} is regularly contacting {dst}, a command-and-control server. The host is probably infected.', killChain: 'command-and-control', tactic: 'TA0011', severities: crit, port: 443, protocol: 'HTTPS', inbound: false, url: false },
  ransomware: { ja: '{host} でランサムウェアの通信', en: 'Ransomware communication from {host}', descJa: '{host} から、ランサムウェアに特有の通信（暗号鍵の取得など）が {dst} に向けて検知されました。', descEn: '{host} sent traffic typical of ransomware (such as fetching encryption keys) to {dst}.', killChain: 'actions-on-objectives', tactic: 'TA0040', severities: crit, port: 443, protocol: 'HTTPS', inbound: false, url: false },
  'lateral-movement': { ja: '{host} から社内端末への感染拡大（横展開）の通信', en: 'Lateral movement from {host}', descJa: '{host} から社内の {dst} に対して、感染を広げようとする通信（SMB 等）が検知されました。', descEn: '{host} attempted to spread to {dst} inside the network (for example over SMB).', killChain: 'actions-on-objectives', tactic: 'TA0008', severities: crit, port: 445, protocol: 'SMB', inbound: false, url: false },
  tor: { ja: '{host} で Tor 利用による通信', en: 'Tor usage by {host}', descJa: '{host} が、匿名化ネットワーク Tor のノード {dst} と通信しています。', descEn: '{host} is communicating with {dst}, a node of the Tor anonymity network.', killChain: 'command-and-control', tactic: 'TA0011', severities: mid, port: 9001, protocol: 'TCP', inbound: false, url: false },
  'swg-malicious-url': { ja: '{host} が不正な URL へアクセス（SWG）', en: '{host} accessed a malicious URL (SWG)', descJa: 'Secure Web Gateway のログで、{host} から不正サイト {dst} へのアクセスが確認されました。', descEn: 'Secure Web Gateway logs show {host} accessing the malicious site {dst}.', killChain: 'delivery', tactic: 'TA0001', severities: mid, port: 443, protocol: 'HTTPS', inbound: false, url: true },
  'swg-c2-beacon': { ja: '{host} から C&C への定期通信（SWG）', en: 'C&C beaconing from {host} (SWG)', descJa: 'Secure Web Gateway のログで、{host} から {dst} への一定間隔の通信（ビーコン）が確認されました。', descEn: 'Secure Web Gateway logs show {host} contacting {dst} at regular intervals (beaconing).', killChain: 'command-and-control', tactic: 'TA0011', severities: crit, port: 443, protocol: 'HTTPS', inbound: false, url: false },
  'ips-exploit-attempt': { ja: '{host} への脆弱性攻撃の試み（IPS）', en: 'Exploit attempt against {host} (IPS)', descJa: 'IPS が、{dst} から {host} の脆弱性を狙う攻撃通信を検知しました。', descEn: 'The IPS detected traffic from {dst} that tries to exploit a vulnerability on {host}.', killChain: 'exploitation', tactic: 'TA0001', severities: high, port: 443, protocol: 'HTTPS', inbound: true, url: false },
  'ips-scan': { ja: '{host} へのスキャン行為（IPS）', en: 'Scan against {host} (IPS)', descJa: 'IPS が、{dst} から {host} への広範なスキャンを検知しました。', descEn: 'The IPS detected a broad scan of {host} from {dst}.', killChain: 'reconnaissance', tactic: 'TA0043', severities: low, port: 22, protocol: 'TCP', inbound: true, url: false },
  'fw-port-scan': { ja: '{host} へのポートスキャン（ファイアウォール）', en: 'Port scan against {host} (firewall)', descJa: 'ファイアウォールのログで、{dst} から {host} への多数のポートへの接続試行が確認されました。', descEn: 'Firewall logs show {dst} trying many ports on {host}.', killChain: 'reconnaissance', tactic: 'TA0043', severities: low, port: 3389, protocol: 'TCP', inbound: true, url: false },
  'fw-suspicious-outbound': { ja: '{host} から不審な宛先への通信（ファイアウォール）', en: 'Suspicious outbound traffic from {host} (firewall)', descJa: 'ファイアウォールのログで、{host} から通常使われないポートで {dst} への通信が確認されました。', descEn: 'Firewall logs show {host} talking to {dst} on an unusual port.', killChain: 'command-and-control', tactic: 'TA0011', severities: mid, port: 8443, protocol: 'TCP', inbound: false, url: false },
  'mx-malware-attachment': { ja: 'マルウェア添付メールの受信（{host} 宛）', en: 'Malware attachment sent to {host}', descJa: 'Secure MX で、{host} 宛のメールにマルウェアと判定された添付ファイルが見つかりました。送信元: {dst}', descEn: 'Secure MX found a malicious attachment in mail to {host}. Sender: {dst}', killChain: 'delivery', tactic: 'TA0001', severities: mid, port: 25, protocol: 'SMTP', inbound: true, url: false },
  'mx-phishing': { ja: 'フィッシングメールの受信（{host} 宛）', en: 'Phishing mail sent to {host}', descJa: 'Secure MX で、{host} 宛にログイン情報をだまし取ろうとするメールが確認されました。送信元: {dst}', descEn: 'Secure MX found mail to {host} that tries to steal login credentials. Sender: {dst}', killChain: 'delivery', tactic: 'TA0001', severities: mid, port: 25, protocol: 'SMTP', inbound: true, url: true },
  'ep-malware-detected': { ja: '{host} でマルウェアを検出（エンドポイント）', en: 'Malware detected on {host} (endpoint)', descJa: 'エンドポイント対策製品が {host} 上でマルウェアを検出しました。', descEn: 'The endpoint protection on {host} detected malware.', killChain: 'installation', tactic: 'TA0002', severities: high, port: 0, protocol: 'FILE', inbound: false, url: false },
  'ep-ransomware-behavior': { ja: '{host} でランサムウェアの挙動を検知（エンドポイント）', en: 'Ransomware behaviour on {host} (endpoint)', descJa: '{host} で、大量のファイルを短時間に暗号化する挙動が検知されました。', descEn: '{host} started encrypting many files in a short time.', killChain: 'actions-on-objectives', tactic: 'TA0040', severities: crit, port: 0, protocol: 'FILE', inbound: false, url: false },
  'waf-web-attack': { ja: '公開 Web サーバー {host} への攻撃（WAF）', en: 'Web attack against {host} (WAF)', descJa: 'WAF が、{dst} から {host} への SQL インジェクションやクロスサイトスクリプティング等の攻撃を検知しました。', descEn: 'The WAF detected SQL injection or cross-site scripting attempts from {dst} against {host}.', killChain: 'exploitation', tactic: 'TA0001', severities: mid, port: 443, protocol: 'HTTPS', inbound: true, url: true },
  'sa-brute-force': { ja: 'リモートアクセスへの総当たりログイン試行', en: 'Brute-force login attempts on remote access', descJa: '{dst} から、{host} のアカウントに対するログイン試行が短時間に多数確認されました。', descEn: 'Many login attempts against the account of {host} came from {dst} in a short time.', killChain: 'exploitation', tactic: 'TA0006', severities: mid, port: 443, protocol: 'HTTPS', inbound: true, url: false },
  'log-anomalous-auth': { ja: '{host} で通常と異なる認証（個別ログ）', en: 'Unusual authentication on {host} (custom logs)', descJa: '機器のログで、{host} に通常と異なる時間帯・接続元 {dst} からの認証が確認されました。', descEn: 'Device logs show an authentication to {host} at an unusual time from {dst}.', killChain: 'exploitation', tactic: 'TA0006', severities: mid, port: 22, protocol: 'SSH', inbound: true, url: false },
  'cloud-suspicious-api': { ja: 'クラウド環境での不審な操作', en: 'Suspicious cloud API activity', descJa: 'クラウドのログで、{dst} から権限変更などの不審な API 操作が確認されました（対象: {host}）。', descEn: 'Cloud logs show suspicious API calls such as permission changes from {dst} (target: {host}).', killChain: 'actions-on-objectives', tactic: 'TA0004', severities: high, port: 443, protocol: 'HTTPS', inbound: true, url: false },
  'm365-account-compromise': { ja: 'Microsoft 365 アカウントの乗っ取りの疑い', en: 'Possible Microsoft 365 account takeover', descJa: '{host} のアカウントで、通常と異なる国 ({dst}) からのサインインが成功しました。', descEn: 'The account of {host} signed in successfully from an unusual country ({dst}).', killChain: 'exploitation', tactic: 'TA0006', severities: high, port: 443, protocol: 'HTTPS', inbound: true, url: false },
  'm365-forwarding-rule': { ja: 'Microsoft 365 で外部転送ルールの作成', en: 'External forwarding rule created in Microsoft 365', descJa: '{host} のメールボックスに、外部アドレス {dst} へ自動転送するルールが作成されました。', descEn: 'A rule forwarding mail to the external address {dst} was created in the mailbox of {host}.', killChain: 'actions-on-objectives', tactic: 'TA0009', severities: high, port: 443, protocol: 'HTTPS', inbound: false, url: false },
  'edr-suspicious-process': { ja: '{host} で不審なプロセスの実行（EDR）', en: 'Suspicious process on {host} (EDR)', descJa: 'EDR が、{host} で PowerShell などを悪用した不審なプロセスの実行を検知しました。', descEn: 'EDR detected a suspicious process on {host}, such as an abused PowerShell command.', killChain: 'installation', tactic: 'TA0002', severities: high, port: 0, protocol: 'PROCESS', inbound: false, url: false },
};
