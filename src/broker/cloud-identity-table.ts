/**
 * A cloud device identity as a scenario writes it (`| platform | aliauth |`, `| device secret | … |`),
 * checked for completeness before the broker fixture verifies CONNECTs against it.
 */
import type { CloudIdentity } from './cloud-credentials';

const IDENTITY_FIELDS: Record<string, string> = {
  'product key': 'productKey',
  'device name': 'deviceName',
  'device secret': 'deviceSecret',
  'product id': 'productId',
  'access key': 'accessKey',
  'device id': 'deviceId',
  'product secret': 'productSecret',
  'node id': 'nodeId',
};

const REQUIRED: Record<CloudIdentity['platform'], string[]> = {
  aliauth: ['productKey', 'deviceName', 'deviceSecret'],
  onenet: ['productId', 'accessKey'],
  hwauth: ['deviceId', 'deviceSecret'],
  hwprodid: ['productId', 'productSecret', 'nodeId'],
};

export function cloudIdentityFromRows(rows: readonly (readonly string[])[]): CloudIdentity {
  const fields: Record<string, string> = {};
  for (const [name, value] of rows) {
    const key = name === 'platform' ? 'platform' : IDENTITY_FIELDS[name];
    if (!key)
      throw new Error(
        `harness: unknown cloud identity field "${name}" (known: platform, ${Object.keys(IDENTITY_FIELDS).join(', ')})`,
      );
    fields[key] = value;
  }
  const required = REQUIRED[fields.platform as CloudIdentity['platform']];
  const missing = required?.filter((k) => fields[k] === undefined);
  if (!required || missing?.length)
    throw new Error(
      `harness: cloud identity for "${fields.platform}" needs ${required ? missing!.join(', ') : 'a known platform'}`,
    );
  return fields as unknown as CloudIdentity;
}
