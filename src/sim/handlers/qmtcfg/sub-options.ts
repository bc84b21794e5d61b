/** The 18 AT+QMTCFG sub-options in the order of the spec's test response (spec 3.3.1). */
import { aliauth, hwauth, hwprodid, onenet } from './cloud-options';
import { keepalive, pdpcid, session, ssl, timeout, version } from './connection-options';
import { dataformat, editTimeout, qmtping, recvMode, sendMode, viewMode } from './mode-options';
import type { SubOption } from './sub-option';
import { will, willex } from './will-options';

export const SUB_OPTIONS: readonly SubOption[] = [
  version,
  pdpcid,
  ssl,
  keepalive,
  session,
  timeout,
  will,
  willex,
  recvMode,
  aliauth,
  qmtping,
  sendMode,
  onenet,
  hwauth,
  hwprodid,
  dataformat,
  viewMode,
  editTimeout,
];
