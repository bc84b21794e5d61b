/** A tiny listener list: transports hand bytes and close notices to whoever subscribed. */
export class ListenerSet<Args extends unknown[]> {
  private readonly listeners: ((...args: Args) => void)[] = [];

  add(listener: (...args: Args) => void): void {
    this.listeners.push(listener);
  }

  emit(...args: Args): void {
    for (const listener of [...this.listeners]) listener(...args);
  }
}
