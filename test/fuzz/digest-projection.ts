/** The digester as the fuzz tests drive it, and its events reduced to what a model predicts. */
import { Digester, type DigestEvent } from '../../src/at/digester';
import { CLIENT_OF, type Expected } from './session-model';

export function newDigester(echo: boolean): Digester {
  const digester = new Digester({ echo });
  digester.setRecvLength(CLIENT_OF.present, true);
  digester.setRecvLength(CLIENT_OF.absent, false);
  return digester;
}

export function project(event: DigestEvent): Expected {
  switch (event.type) {
    case 'echo':
      return { type: 'echo', text: event.text };
    case 'prompt':
      return { type: 'prompt' };
    case 'final':
      return { type: 'final', text: event.text };
    case 'response-line':
      if (event.payload && event.fields) {
        return {
          type: 'message',
          kind: 'response-line',
          head: event.fields.slice(0, 3),
          payload: event.payload.toString('hex'),
          layout: event.recvLayout ?? '?',
        };
      }
      return { type: 'line', kind: 'response-line', text: event.text };
    case 'urc': {
      const { urc } = event;
      if (urc.payload)
        return {
          type: 'message',
          kind: 'urc',
          head: urc.fields.slice(0, 3),
          payload: urc.payload.toString('hex'),
          layout: urc.recvLayout ?? '?',
        };
      return { type: 'line', kind: 'urc', text: urc.text };
    }
  }
}
