/**
 * Profile data for each module of table 1. Readings of the ambiguities are the choices this
 * project made for the simulated firmware (spec A-numbers in ./profile.ts); a QA team with a
 * different firmware reading edits its profile, not the features.
 */
const ALL_SUB_OPTIONS = [
  'version', 'pdpcid', 'ssl', 'keepalive', 'session', 'timeout', 'will', 'willex', 'recv/mode',
  'aliauth', 'qmtping', 'send/mode', 'onenet', 'hwauth', 'hwprodid', 'dataformat', 'view/mode', 'edit/timeout',
];

const commonDefaults = {
  vsn: 4, cleanSession: 1, timeoutNotice: 0, msgRecvMode: 0, msgLenEnable: 1, sslEnable: 0, sslCtxIdx: 0,
  sendMode: 0, recvMode: 0, viewMode: 0, editMode: 0, editTime: 30, hwTimeEnable: 0,
} as const;

const commonReadings = {
  A3: 'excep1', A4: 'urc', A9: 'keep-previous', A10: 'error', A11: 'ignore-extra', A13: 'ok',
  A20: 'after-first', A22: 'quoted', A25: 'no-value', A26: 'may-zero', A28: 'error', A30: 'consume',
  A33: 'quoted', A34: 'case-insensitive',
} as const;

const capabilities = { ssl: true, cloudAuth: true, reboot: true, subOptions: ALL_SUB_OPTIONS };

export const profiles = [
  { name: 'EC200T', series: 'EC200x', model: 'EC200T', detect: ['EC200T'], revision: 'EC200TCNDAR02A09M16' },
  { name: 'EC200S', series: 'EC200x', model: 'EC200S', detect: ['EC200S'], revision: 'EC200SCNAAR03A11M08' },
  { name: 'EC200N-CN', series: 'EC200x', model: 'EC200N', detect: ['EC200N'], revision: 'EC200NCNAAR01A03M16' },
  { name: 'EC600S-CN', series: 'EC600x', model: 'EC600S', detect: ['EC600S'], revision: 'EC600SCNLAR01A05M08' },
  { name: 'EC600N-CN', series: 'EC600x', model: 'EC600N', detect: ['EC600N'], revision: 'EC600NCNLCR01A02M16' },
  { name: 'EG912Y', series: 'EG912Y', model: 'EG912Y', detect: ['EG912Y'], revision: 'EG912YEUAAR01A04M08' },
].map((p) => ({
  ...p,
  manufacturer: 'Quectel',
  capabilities,
  defaults: { ...commonDefaults },
  readings: { ...commonReadings },
}));
