/**
 * What came back while ATE0 was in effect, said as what it is: command lines echoed (V.25ter: ATE0
 * stops the echo), or the data typed after the `>` prompt (reading payload-echo covers ATE1 only;
 * with ATE0 nothing may come back, features/qmtpubex.feature).
 */
export function describeStrayEchoes(echoes: readonly { payload: boolean }[]): string {
  const payloads = echoes.filter((e) => e.payload).length;
  const lines = echoes.length - payloads;
  const parts = [
    ...(lines ? [`${lines} command line(s)`] : []),
    ...(payloads ? [`the data typed after > ${payloads} time(s)`] : []),
  ];
  return `the module echoed ${parts.join(' and ')} after ATE0 switched echo off`;
}
