/**
 * spec 4.2: the module reports every PUBLISH the server sends it with one +QMTRECV, no fewer and no
 * more (a further report is a duplicate the host would act on twice, e.g. overlapping subscriptions).
 */
import type { QmtHost } from './host';
import { nonConformance } from './verdict';

/** Time a further, duplicate report is watched for once every delivery was reported (harness limit). */
const DUPLICATE_WATCH_MS = 1_000;

export async function expectOneReportPerDelivery(host: QmtHost, topic: string, deliveries: number): Promise<void> {
  if (deliveries === 0) throw nonConformance(`the broker delivered nothing on "${topic}" to the module`);
  // msg_len_enable 1 layout: idx,msgid,topic,len,payload. The <msgid> and payload must be those of
  // a PUBLISH the broker sent on that topic (src/qmt/publish-msgid.ts); the client is any one,
  // as the step names none, and the length is the layout's (the digester checks it against the payload).
  const text = `+QMTRECV: *,{publish-msgid},"${topic}",*,*`;
  for (let n = 1; n <= deliveries; n++) {
    await host.expectUrc(text, { withinMs: 5_000, source: `harness limit for delivery ${n} of ${deliveries}` });
  }
  const extra = await host.urcWithin(text, DUPLICATE_WATCH_MS, { sinceScenarioStart: true });
  if (!extra) return;
  const more = `the module reported more +QMTRECV on "${topic}" than the ${deliveries} PUBLISH it was sent`;
  throw nonConformance(`${more}: ${extra.text}`);
}
