/**
 * The receive buffer of msg_recv_mode 1 (spec 3.3.9: "at most 5 messages", <recv_id> 0~4).
 * A message goes to the lowest free slot. When all slots are full the message is dropped and no
 * URC is reported (simulator decision, README): the MQTT acknowledgement is still sent.
 */
import type { ReceivedMessage } from './recv-format';

export const RECV_SLOTS = 5;

export class RecvBuffer {
  private readonly slots: (ReceivedMessage | undefined)[] = [];

  /** Stores the message; returns its recv_id, or undefined when the buffer is full. */
  store(message: ReceivedMessage, capacity: number = RECV_SLOTS): number | undefined {
    for (let id = 0; id < capacity; id++) {
      if (!this.slots[id]) {
        this.slots[id] = message;
        return id;
      }
    }
    return undefined;
  }

  /** spec 3.3.9 <store_status_0..4>: 1 when the slot holds data. Always five values. */
  status(): number[] {
    return Array.from({ length: RECV_SLOTS }, (_, id) => (this.slots[id] ? 1 : 0));
  }

  /** Messages with their recv_id, all or the one asked for. */
  read(recvId?: number): { recvId: number; message: ReceivedMessage }[] {
    const ids = recvId === undefined ? [...this.slots.keys()] : [recvId];
    return ids.flatMap((id) => {
      const message = this.slots[id];
      return message ? [{ recvId: id, message }] : [];
    });
  }

  remove(recvId: number): void {
    this.slots[recvId] = undefined;
  }

  clear(): void {
    this.slots.length = 0;
  }
}
