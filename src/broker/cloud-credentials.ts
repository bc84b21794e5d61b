/**
 * Verifies the credentials a module puts into its CONNECT for the cloud platforms that
 * AT+QMTCFG="aliauth" / "onenet" / "hwauth" / "hwprodid" configure (spec 3.3.1). Written from
 * each platform's published algorithm, independently of the simulator, so a module (real or
 * simulated) that signs wrongly is refused with CONNACK 4 exactly as the cloud would refuse it.
 *
 * Every failure reason names the field that failed, never a secret or the password.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type CloudIdentity =
  | {
      readonly platform: 'aliauth';
      readonly productKey: string;
      readonly deviceName: string;
      readonly deviceSecret: string;
    }
  | { readonly platform: 'onenet'; readonly productId: string; readonly accessKey: string }
  /** spec 3.3.1 calls the first field "product id"; Huawei's algorithm uses it as the device id. */
  | { readonly platform: 'hwauth'; readonly deviceId: string; readonly deviceSecret: string }
  | {
      readonly platform: 'hwprodid';
      readonly productId: string;
      readonly productSecret: string;
      readonly nodeId: string;
    };

/** The CONNECT fields that carry credentials. */
export interface ConnectCredentials {
  readonly clientId: string;
  readonly username?: string;
  readonly password?: Buffer | string;
}

export interface VerifyOptions {
  /**
   * Wall-clock time of the check. When given, time-bound fields are checked too: OneNET `et`
   * must not have passed, and a Huawei client id with signature type 1 must carry this hour.
   * When omitted they are not checked (a virtual clock has no calendar).
   */
  readonly now?: Date;
}

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const OK: Verdict = { ok: true };
const fail = (reason: string): Verdict => ({ ok: false, reason });

export function verifyConnect(
  connect: ConnectCredentials,
  identity: CloudIdentity,
  options: VerifyOptions = {},
): Verdict {
  const password = connect.password === undefined ? undefined : Buffer.from(connect.password).toString('utf8');
  switch (identity.platform) {
    case 'aliauth':
      return verifyAliyun(connect.clientId, connect.username, password, identity);
    case 'onenet':
      return verifyOneNet(connect.clientId, connect.username, password, identity, options);
    case 'hwauth':
      return verifyHuawei(
        connect.clientId,
        connect.username,
        password,
        identity.deviceId,
        identity.deviceSecret,
        options,
      );
    case 'hwprodid':
      return verifyHuawei(
        connect.clientId,
        connect.username,
        password,
        `${identity.productId}_${identity.nodeId}`,
        identity.productSecret,
        options,
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Alibaba Cloud IoT Platform, "Establish MQTT connections over TCP"
// (https://www.alibabacloud.com/help/doc-detail/73742.htm):
//   mqttClientId = clientId + "|securemode=3,signmethod=hmacsha1,timestamp=132323232|"
//   mqttUsername = deviceName + "&" + productKey
//   mqttPassword = sign_hmac(deviceSecret, content), hex; content = the submitted parameters
//     (clientId, deviceName, productKey, timestamp when present) sorted by name and
//     concatenated as name+value, e.g. "clientId12345deviceNamedeviceproductKeypktimestamp789".
//   securemode: 2 = direct TLS, 3 = direct TCP. signmethod: hmacmd5 (default), hmacsha1, hmacsha256.
// ---------------------------------------------------------------------------------------------
const ALIYUN_SIGN_METHODS: Record<string, string> = { hmacmd5: 'md5', hmacsha1: 'sha1', hmacsha256: 'sha256' };

function verifyAliyun(
  mqttClientId: string,
  username: string | undefined,
  password: string | undefined,
  identity: Extract<CloudIdentity, { platform: 'aliauth' }>,
): Verdict {
  const match = /^([^|]*)\|([^|]*)\|$/.exec(mqttClientId);
  if (!match) return fail('aliauth: client id is not "<clientId>|<extended parameters>|"');
  const [, clientId, extended] = match;
  const params = new Map<string, string>();
  for (const pair of extended.split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0) params.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  const securemode = params.get('securemode');
  if (securemode !== '2' && securemode !== '3')
    return fail(`aliauth: securemode ${securemode ?? '(missing)'} is not 2 or 3`);
  const signmethod = params.get('signmethod') ?? 'hmacmd5';
  const algorithm = ALIYUN_SIGN_METHODS[signmethod];
  if (!algorithm) return fail(`aliauth: unsupported signmethod ${signmethod}`);
  const expectedUser = `${identity.deviceName}&${identity.productKey}`;
  if (username !== expectedUser)
    return fail(`aliauth: user name ${JSON.stringify(username)} is not deviceName&productKey`);
  if (password === undefined) return fail('aliauth: no password');
  const timestamp = params.get('timestamp');
  const content =
    `clientId${clientId}deviceName${identity.deviceName}productKey${identity.productKey}` +
    (timestamp !== undefined ? `timestamp${timestamp}` : '');
  const expected = createHmac(algorithm, identity.deviceSecret).update(content, 'utf8').digest('hex');
  if (!sameText(password.toLowerCase(), expected)) return fail(`aliauth: password is not the ${signmethod} signature`);
  return OK;
}

// ---------------------------------------------------------------------------------------------
// China Mobile OneNET, device connection with a token (OneNET "安全鉴权 / token 算法"):
//   client id = device name, user name = product id, password = token
//   token = version=2018-10-31&res=<res>&et=<unix s>&method=<md5|sha1|sha256>&sign=<sign>, values URL-encoded
//   res = products/<pid> (product-level key) or products/<pid>/devices/<device name> (device key)
//   sign = base64(hmac_<method>(base64decode(accessKey), et + "\n" + method + "\n" + res + "\n" + version))
// ---------------------------------------------------------------------------------------------
const ONENET_VERSIONS = new Set(['2018-10-31']);
const ONENET_METHODS = new Set(['md5', 'sha1', 'sha256']);

function verifyOneNet(
  clientId: string,
  username: string | undefined,
  password: string | undefined,
  identity: Extract<CloudIdentity, { platform: 'onenet' }>,
  options: VerifyOptions,
): Verdict {
  if (username !== identity.productId)
    return fail(`onenet: user name ${JSON.stringify(username)} is not the product id`);
  if (!clientId) return fail('onenet: empty client id (must be the device name)');
  if (password === undefined) return fail('onenet: no password (token)');
  const token = new Map<string, string>();
  for (const pair of password.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return fail('onenet: token is not a list of name=value pairs');
    try {
      token.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
    } catch {
      return fail(`onenet: token field ${pair.slice(0, eq)} is not URL-encoded`);
    }
  }
  const [version, res, et, method, sign] = ['version', 'res', 'et', 'method', 'sign'].map((k) => token.get(k));
  if (!version || !res || !et || !method || !sign)
    return fail('onenet: token lacks one of version, res, et, method, sign');
  if (!ONENET_VERSIONS.has(version)) return fail(`onenet: token version ${version} is not supported`);
  if (!ONENET_METHODS.has(method)) return fail(`onenet: token method ${method} is not md5, sha1 or sha256`);
  const productRes = `products/${identity.productId}`;
  if (res !== productRes && res !== `${productRes}/devices/${clientId}`) {
    return fail(`onenet: token res ${res} is not ${productRes}[/devices/<client id>]`);
  }
  if (!/^\d+$/.test(et)) return fail('onenet: token et is not a unix time');
  if (options.now && Number(et) * 1000 <= options.now.getTime()) return fail(`onenet: token expired (et ${et})`);
  const key = Buffer.from(identity.accessKey, 'base64');
  const expected = createHmac(method, key).update(`${et}\n${method}\n${res}\n${version}`, 'utf8').digest('base64');
  if (!sameText(sign, expected)) return fail('onenet: token sign does not verify with the access key');
  return OK;
}

// ---------------------------------------------------------------------------------------------
// Huawei Cloud IoTDA, "MQTT CONNECT 连接鉴权" (https://support.huaweicloud.com/api-iothub/iot_03_3202.html,
// https://support.huaweicloud.com/intl/en-us/api-iothub/iot_06_v5_3009.html):
//   ClientId = <device id>_<id type 0>_<signature type 0|1>_<UTC YYYYMMDDHH>
//   Username = <device id>
//   Password = hex(HMAC-SHA256(key = the timestamp YYYYMMDDHH, data = secret))
//   signature type 1: the platform also checks the timestamp against its own time.
// Known answer from the Huawei page: secret 12345678, timestamp 2025041401 ->
//   c75150e6cb841417396819e4d2ee4358a416344a03a083e3a8567074ddec820a.
// "hwprodid" (product id, product secret, node id): read here as the same algorithm with
// device id = <product id>_<node id> (IoTDA's default device id) signed with the product
// secret. That reading is not confirmed by a published Huawei page; see the broker report.
// ---------------------------------------------------------------------------------------------
function verifyHuawei(
  clientId: string,
  username: string | undefined,
  password: string | undefined,
  deviceId: string,
  secret: string,
  options: VerifyOptions,
): Verdict {
  const match = /^(.+)_0_([01])_(\d{10})$/.exec(clientId);
  if (!match) return fail('huawei: client id is not <device id>_0_<0|1>_<YYYYMMDDHH>');
  const [, idInClient, signatureType, timestamp] = match;
  if (idInClient !== deviceId)
    return fail(`huawei: client id device id ${JSON.stringify(idInClient)} is not ${JSON.stringify(deviceId)}`);
  if (username !== deviceId) return fail(`huawei: user name ${JSON.stringify(username)} is not the device id`);
  if (password === undefined) return fail('huawei: no password');
  if (signatureType === '1' && options.now && timestamp !== huaweiTimestamp(options.now)) {
    return fail(`huawei: timestamp ${timestamp} is not the current UTC hour ${huaweiTimestamp(options.now)}`);
  }
  const expected = huaweiPassword(secret, timestamp);
  if (!sameText(password.toLowerCase(), expected))
    return fail('huawei: password is not HMAC-SHA256(timestamp, secret)');
  return OK;
}

/** UTC YYYYMMDDHH, Huawei's client id timestamp. */
export function huaweiTimestamp(date: Date): string {
  return date.toISOString().slice(0, 13).replace(/[-T]/g, '');
}

/** Huawei IoTDA password: hex HMAC-SHA256 keyed by the timestamp over the secret. */
export function huaweiPassword(secret: string, timestamp: string): string {
  return createHmac('sha256', timestamp).update(secret, 'utf8').digest('hex');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
