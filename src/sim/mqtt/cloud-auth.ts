/**
 * Cloud platform credentials the module derives when AT+QMTCFG="aliauth"/"onenet"/"hwauth"/
 * "hwprodid" is configured and AT+QMTCONN gives no user name (spec 3.3.1 note 5, example 5.1).
 * Each follows the algorithm its platform publishes; a broker-side verifier is written
 * independently from the same documents, so nothing here may be "simplified".
 */
import { createHmac } from 'node:crypto';
import type { ClientConfig, FaultSet } from '../types';

export interface MqttCredentials {
  clientId: string;
  username?: string;
  password?: string;
}

/**
 * Alibaba Cloud IoT Platform, "Establish MQTT connections over TCP"
 * (https://www.alibabacloud.com/help/doc-detail/73742.htm):
 *   mqttClientId = clientId + "|securemode=3,signmethod=hmacsha1,timestamp=<ms>|"  (securemode 2 over TLS)
 *   mqttUsername = deviceName + "&" + productKey
 *   mqttPassword = hex(hmacsha1(deviceSecret, "clientId"+clientId+"deviceName"+deviceName+"productKey"+productKey+"timestamp"+ts))
 * The content string is the submitted parameters sorted alphabetically, names and values concatenated.
 */
export function aliyunCredentials(
  auth: { productKey: string; deviceName: string; deviceSecret: string },
  clientId: string,
  tlsEnabled: boolean,
  nowMs: number,
  faults: FaultSet,
): MqttCredentials {
  const timestamp = String(nowMs);
  // Fault: the signed content leaves out the timestamp the client id announces.
  const signedTimestamp = faults.at('cloud-auth.aliyun-sign') ? '' : `timestamp${timestamp}`;
  const content = `clientId${clientId}deviceName${auth.deviceName}productKey${auth.productKey}${signedTimestamp}`;
  const password = createHmac('sha1', auth.deviceSecret).update(content, 'utf8').digest('hex');
  const securemode = tlsEnabled ? 2 : 3;
  return {
    clientId: `${clientId}|securemode=${securemode},signmethod=hmacsha1,timestamp=${timestamp}|`,
    username: `${auth.deviceName}&${auth.productKey}`,
    password,
  };
}

/**
 * China Mobile OneNET, "token algorithm" (https://open.iot.10086.cn/doc/mqtt/book/manual/auth/token.html):
 *   sign  = base64(hmac_<method>(base64decode(accessKey), utf8(et + "\n" + method + "\n" + res + "\n" + version)))
 *   token = "version=2018-10-31&res=<urlenc res>&et=<et>&method=<method>&sign=<urlenc sign>"
 * MQTT: client id = device name, user name = product id, password = token. The AT command holds a
 * product-level access key (spec 3.3.1 <access key>), so res = "products/<pid>".
 */
export function onenetCredentials(
  auth: { productId: string; accessKey: string },
  deviceName: string,
  nowMs: number,
  faults: FaultSet,
): MqttCredentials {
  const version = '2018-10-31';
  const method = 'sha1';
  const res = `products/${auth.productId}`;
  // Valid for one day from now (unix seconds): long enough for any scenario, not forever.
  const et = String(Math.floor(nowMs / 1000) + 24 * 3600);
  // Fault: the access key's text is used as the HMAC key instead of its base64-decoded bytes.
  const key = faults.at('cloud-auth.onenet-key')
    ? Buffer.from(auth.accessKey, 'utf8')
    : Buffer.from(auth.accessKey, 'base64');
  const sign = createHmac(method, key).update(`${et}\n${method}\n${res}\n${version}`, 'utf8').digest('base64');
  const token =
    `version=${version}&res=${encodeURIComponent(res)}&et=${et}` + `&method=${method}&sign=${encodeURIComponent(sign)}`;
  return { clientId: deviceName, username: auth.productId, password: token };
}

/**
 * Huawei Cloud IoTDA, "Device Connection Authentication" (https://support.huaweicloud.com/intl/en-us/api-iothub/iot_06_v5_3009.html):
 *   ClientId = <deviceId>_0_<signType>_<YYYYMMDDHH UTC>   (signType 0: timestamp not checked, 1: checked)
 *   Username = <deviceId>
 *   Password = hex(HMAC-SHA256(key = timestamp, message = secret))
 * The device id is "<product id>_<node id>" (same page). For "hwauth" the node id is the
 * <clientid> of AT+QMTCONN and the secret the device secret; for "hwprodid" the node id is the
 * configured <nodeid> and the secret the product secret. <hw_time_enable> selects signType.
 */
export function huaweiCredentials(
  productId: string,
  nodeId: string,
  secret: string,
  checkTimestamp: boolean,
  nowMs: number,
  faults: FaultSet,
): MqttCredentials {
  const timestamp = new Date(nowMs).toISOString().replace(/[-T:]/g, '').slice(0, 10); // YYYYMMDDHH
  const deviceId = `${productId}_${nodeId}`;
  // Fault: HMAC key and message swapped (keyed by the secret instead of the timestamp).
  const password = faults.at('cloud-auth.huawei-hmac')
    ? createHmac('sha256', secret).update(timestamp, 'utf8').digest('hex')
    : createHmac('sha256', timestamp).update(secret, 'utf8').digest('hex');
  return { clientId: `${deviceId}_0_${checkTimestamp ? 1 : 0}_${timestamp}`, username: deviceId, password };
}

/**
 * Picks the platform credentials for a CONNECT without a user name, in the order the sub-options
 * are listed in spec 3.3.1. Undefined when no cloud platform is configured.
 */
export function cloudCredentials(
  config: ClientConfig,
  clientId: string,
  nowMs: number,
  faults: FaultSet,
): MqttCredentials | undefined {
  if (config.aliauth) return aliyunCredentials(config.aliauth, clientId, config.sslEnable === 1, nowMs, faults);
  if (config.onenet) return onenetCredentials(config.onenet, clientId, nowMs, faults);
  const checkTime = config.hwTimeEnable === 1;
  if (config.hwauth)
    return huaweiCredentials(config.hwauth.productId, clientId, config.hwauth.deviceSecret, checkTime, nowMs, faults);
  if (config.hwprodid) {
    const p = config.hwprodid;
    return huaweiCredentials(p.productId, p.nodeId, p.productSecret, checkTime, nowMs, faults);
  }
  return undefined;
}
