/**
 * Cloud platform credentials for a replayed CONNECT. The packet log never holds a password, and
 * a cloud CONNECT's client id, user name and password are derived from the AT+QMTCFG="aliauth" /
 * "onenet" / "hwauth" / "hwprodid" secrets the host sends now (fresh each run, masked in the
 * recording) and the time (spec 3.3.1 note 5). They are derived again here with the platforms'
 * published algorithms (../mqtt/cloud-auth.ts); where the recorded broker refused the recorded
 * module's credentials, the replay sends credentials the broker refuses too, so the verdict is
 * the recorded one.
 */
import { aliyunCredentials, huaweiCredentials, onenetCredentials, type MqttCredentials } from '../mqtt/cloud-auth';

const CLOUD_SET = /^AT\+QMTCFG="(aliauth|onenet|hwauth|hwprodid)",(\d),(.*)$/i;
const NO_FAULTS = { at: () => false };

export class CloudConfigs {
  private readonly byIdx = new Map<number, { kind: string; args: string[] }>();

  /** Remembers a cloud sub-option the host set (its secrets in clear: they never leave the process). */
  note(line: string): void {
    const match = CLOUD_SET.exec(line);
    if (!match) return;
    const args = [...match[3].matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => m[1] ?? m[2] ?? '');
    this.byIdx.set(Number(match[2]), { kind: match[1].toLowerCase(), args });
  }

  clear(): void {
    this.byIdx.clear();
  }

  /** The credentials client `idx` derives for AT+QMTCONN's client id, or undefined without a cloud option. */
  credentials(idx: number, clientId: string, tls: boolean, nowMs: number): MqttCredentials | undefined {
    const config = this.byIdx.get(idx);
    if (!config) return undefined;
    const [a = '', b = '', c = '', d] = config.args;
    switch (config.kind) {
      case 'aliauth':
        return aliyunCredentials({ productKey: a, deviceName: b, deviceSecret: c }, clientId, tls, nowMs, NO_FAULTS);
      case 'onenet':
        return onenetCredentials({ productId: a, accessKey: b }, clientId, nowMs, NO_FAULTS);
      case 'hwauth':
        return huaweiCredentials(a, clientId, b, c === '1', nowMs, NO_FAULTS);
      default:
        return huaweiCredentials(a, c, b, d === '1', nowMs, NO_FAULTS);
    }
  }
}
