/** spec 4.1 table 4: <err_code> of +QMTSTAT. Named so every report site reads as its reason. */
export const QMTSTAT = {
  /** The connection was closed or reset by the server. */
  serverClosed: 1,
  /** Sending the PINGREQ packet timed out or failed. */
  pingTimeout: 2,
  /** Sending the CONNECT packet timed out or failed. */
  connectSendFailed: 3,
  /** Receiving the CONNACK packet timed out or failed. */
  connackTimeout: 4,
  /** The client sent DISCONNECT, but the server actively closed the connection. */
  closedAfterDisconnect: 5,
  /** The client closed the connection because sending kept failing. */
  sendKeptFailing: 6,
  /** The link is not working or the server is unavailable. */
  linkDown: 7,
  /** The client actively closed the MQTT connection. */
  clientClosed: 8,
} as const;

/** spec 3.3.2: <result> of +QMTOPEN. */
export const OPEN_RESULT = {
  failed: -1,
  ok: 0,
  wrongParameter: 1,
  occupied: 2,
  pdpActivationFailed: 3,
  dnsFailed: 4,
  networkDisconnected: 5,
} as const;

/** spec 3.3.4–3.3.8: <result> of +QMTCONN/+QMTSUB/+QMTUNS/+QMTPUBEX. */
export const PACKET_RESULT = { acked: 0, retransmission: 1, failed: 2 } as const;

/** spec 3.3.4: <state> of AT+QMTCONN?. */
export const CONN_STATE = { initializing: 1, connecting: 2, connected: 3, disconnecting: 4 } as const;
