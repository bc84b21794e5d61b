/**
 * The broker fixture: a fresh Aedes per scenario behind a recording tap on loopback. The module
 * (real or simulated) dials the tap; the tap sees every packet both ways, can inject faults,
 * and the fixture can act as other clients (publish to the module, observe wills/retained).
 */
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Aedes } from 'aedes';
import type { MqttClient } from 'mqtt';
import type { Clock } from '../clock/clock';
import { verifyConnect, type CloudIdentity, type VerifyOptions } from './cloud-credentials';
import { duplexPair } from './duplex-pair';
import { inProcessLink, isInProcessLink } from './in-process-link';
import { connectHelper, endHelper, publishVia, subscribeVia, type Subscriber } from './helper-clients';
import type { Masker } from './packet-format';
import { PacketRecorder, type PacketPredicate } from './packet-recorder';
import { refusingPort } from './refusing-port';
import { pingSilences, type PingSilence } from './ping-silences';
import { TapConnection } from './tap-connection';
import { closeServer, listen, openTlsListener, type ModuleTlsMaterial } from './tap-listeners';
import { summarisePredicate, WaitList } from './wait-list';
import type { BrokerFaults, ConnectionInfo, DropHow, PublishOptions, RecordedPacket } from './types';

export interface BrokerFixtureOptions {
  readonly clock: Clock;
  /** '127.0.0.1' (default) or '::1'; another address only with allowNonLoopback. */
  readonly host?: string;
  /** The user asked for a non-loopback listen address (--broker-listen). */
  readonly allowNonLoopback?: boolean;
  /**
   * Which peer addresses may connect (src/rig/broker-access.ts); others are closed on accept and
   * listed in refusedPeers. Undefined = everyone (the fixture is on loopback by default anyway).
   */
  readonly allowPeer?: (address: string | undefined) => boolean;
  /** Plain MQTT tap port; 0 (default) = ephemeral. */
  readonly port?: number;
  /** Also open a TLS tap (ephemeral port) with run-time generated certificates. */
  readonly tls?: boolean;
  /** TLS tap demands a client certificate signed by the fixture's CA. */
  readonly requireClientCert?: boolean;
  /** Applied to every line of the packet log (the password is masked regardless). */
  readonly masker?: Masker;
}

export type { ModuleTlsMaterial } from './tap-listeners';
export type { PingSilence } from './ping-silences';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export class BrokerFixture {
  /** Mutable at any time; read by the tap on every packet. */
  readonly faults: BrokerFaults = { withhold: new Set() };
  readonly tlsPort: number | undefined;
  /** Peers closed on accept because allowPeer refused them. */
  readonly refusedPeers: string[] = [];
  readonly tlsMaterial: ModuleTlsMaterial | undefined;

  private readonly connectionsById = new Map<number, TapConnection>();
  private readonly helpers = new Set<MqttClient>();
  private readonly closed: WaitList<ConnectionInfo>;
  private publisher: Promise<MqttClient> | undefined;
  private keepAlive = false;
  private cloud: { identity: CloudIdentity; options: VerifyOptions } | undefined;
  /** Why CONNECTs were refused for their cloud credentials (reasons name fields, never secrets). */
  private readonly refusedCredentials: string[] = [];
  private nextConnectionId = 1;
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly clock: Clock,
    private readonly aedes: Aedes,
    private readonly recorder: PacketRecorder,
    readonly host: string,
    readonly port: number,
    private readonly servers: Server[],
    tls: { port: number; material: ModuleTlsMaterial } | undefined,
  ) {
    this.tlsPort = tls?.port;
    this.tlsMaterial = tls?.material;
    this.closed = new WaitList(clock);
  }

  static async start(options: BrokerFixtureOptions): Promise<BrokerFixture> {
    const host = options.host ?? '127.0.0.1';
    // Loopback unless the user explicitly asks otherwise (a rig whose modules reach the host over a LAN).
    if (!LOOPBACK.has(host) && !options.allowNonLoopback) {
      throw new Error(`broker fixture: ${host} is not a loopback address (pass allowNonLoopback to listen there)`);
    }
    const aedes = await Aedes.createBroker();
    const recorder = new PacketRecorder(options.clock, options.masker);
    // The tap servers need the fixture to route connections; they are created first and
    // attached once the fixture exists, so no connection can arrive before it is ready.
    let fixture: BrokerFixture | undefined;
    // An in-process link (dialInProcess) comes from the simulated module, which dials loopback only.
    const peerOf = (socket: Duplex) => (isInProcessLink(socket) ? '127.0.0.1' : (socket as Socket).remoteAddress);
    const refused = (socket: Duplex) => {
      if (!options.allowPeer || options.allowPeer(peerOf(socket))) return false;
      fixture?.refusedPeers.push(peerOf(socket) ?? 'unknown');
      socket.destroy();
      return true;
    };
    const accept = (socket: Duplex, tls: boolean) => {
      if (fixture) fixture.accept(socket, tls);
      else socket.destroy();
    };
    const plain = createTcpServer((socket) => refused(socket) || accept(socket, false));
    const servers: Server[] = [plain];
    try {
      const port = await listen(plain, host, options.port ?? 0);
      let tls: { port: number; material: ModuleTlsMaterial } | undefined;
      if (options.tls) {
        const listener = await openTlsListener(
          host,
          options.requireClientCert ?? false,
          (socket) => accept(socket, true),
          refused,
        );
        servers.push(listener.server);
        tls = { port: listener.port, material: listener.material };
      }
      fixture = new BrokerFixture(options.clock, aedes, recorder, host, port, servers, tls);
      return fixture;
    } catch (error) {
      for (const server of servers) server.close();
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      throw error;
    }
  }

  /**
   * The simulated module's dial on a virtual clock: a connection to this fixture that never leaves
   * the process (./in-process-link.ts), so the clock sees every byte in flight; TLS runs over it as
   * over TCP. Undefined when nothing of this fixture listens on address:port (any more): the module
   * then dials for real and meets what the kernel says (refused).
   */
  dialInProcess(address: string, port: number): Duplex | undefined {
    if (this.stopping || address !== this.host) return undefined;
    const server = port === this.port ? this.servers[0] : port === this.tlsPort ? this.servers[1] : undefined;
    if (!server?.listening) return undefined;
    const [ours, theirs] = inProcessLink();
    server.emit('connection', ours);
    return theirs;
  }

  /** A loopback port with nothing listening (connection refused). */
  static refusingPort(host = '127.0.0.1'): Promise<number> {
    return refusingPort(host);
  }

  refusingPort(): Promise<number> {
    return refusingPort(this.host);
  }

  // ----- observation ---------------------------------------------------------------------------

  packets(): readonly RecordedPacket[] {
    return this.recorder.all();
  }

  packetsFromModule(cmd?: string): RecordedPacket[] {
    return this.recorder
      .all()
      .filter((p) => p.direction === 'module->broker' && (cmd === undefined || p.packet.cmd === cmd));
  }

  /** Packets the module actually received (withheld ones excluded). */
  packetsToModule(cmd?: string): RecordedPacket[] {
    return this.recorder
      .all()
      .filter((p) => p.direction === 'broker->module' && !p.withheld && (cmd === undefined || p.packet.cmd === cmd));
  }

  waitForPacket(predicate: PacketPredicate, timeoutMs: number, description?: string): Promise<RecordedPacket> {
    return this.recorder.waitFor(predicate, timeoutMs, description);
  }

  connections(): ConnectionInfo[] {
    return [...this.connectionsById.values()].map((c) => c.info());
  }

  /** Resolves with the first closed module connection matching `predicate` (closed already or later). */
  waitForConnectionClosed(
    predicate: (connection: ConnectionInfo) => boolean,
    timeoutMs: number,
    description?: string,
  ): Promise<ConnectionInfo> {
    return this.closed.waitFor(predicate, timeoutMs, () => {
      const what = description ?? `a closed connection matching ${summarisePredicate(predicate)}`;
      const seen = this.connections().map(
        (c) =>
          `  #${c.id} ${c.state}${c.clientId !== undefined ? ` clientId=${JSON.stringify(c.clientId)}` : ''}${c.closedBy ? ` closed by ${c.closedBy} at ${c.closedAt} ms (${c.closeReason})` : ''}`,
      );
      return `broker fixture: timed out after ${timeoutMs} ms waiting for ${what}.\nConnections: ${seen.length ? `\n${seen.join('\n')}` : 'none.'}`;
    });
  }

  /** One line per packet; passwords always masked. */
  packetLog(): string {
    return this.recorder.log();
  }

  // ----- faults --------------------------------------------------------------------------------

  /** Sends each open module connection a malformed packet (reserved packet type 0). */
  injectMalformedPacket(): void {
    for (const connection of this.connectionsById.values()) connection.injectMalformedPacket();
  }

  dropModuleConnections(how: DropHow): void {
    for (const connection of this.connectionsById.values()) connection.drop(how, `dropModuleConnections('${how}')`);
  }

  /** Stops accepting new module connections (existing ones stay); later dials are refused. */
  async stopListening(): Promise<void> {
    await Promise.all(this.servers.map((server) => closeServer(server)));
  }

  /** spec 3.3.1 keep_alive_time, 4.3: close a module silent for 1.5 x its keep-alive (clock time). */
  enforceKeepAlive(on: boolean): void {
    this.keepAlive = on;
    for (const connection of this.connectionsById.values()) connection.refreshKeepAlive();
  }

  /** Refuse (CONNACK 4) any CONNECT whose credentials do not verify for `identity`; undefined = stop checking. */
  expectCloudIdentity(identity: CloudIdentity | undefined, options: VerifyOptions = {}): void {
    this.cloud = identity ? { identity, options } : undefined;
  }

  /** The reasons the cloud credential check refused CONNECTs for, in order (see expectCloudIdentity). */
  cloudRefusals(): readonly string[] {
    return [...this.refusedCredentials];
  }

  /**
   * spec figure 1 T2, MQTT 3.1.1 §3.1.2.10: for every PINGREQ from the module, how long the module
   * had been silent before it (clock ms since its previous packet on that connection) and the
   * keep-alive its CONNECT declared on that connection.
   */
  pingSilences(): PingSilence[] {
    return pingSilences(this.packetsFromModule());
  }

  // ----- acting as other clients ---------------------------------------------------------------

  /**
   * Another MQTT client connects with `clientId` and stays connected until the fixture stops.
   * With the module's client id, the server must drop the module first (spec 3.3.4 note).
   */
  async connectAs(clientId: string): Promise<void> {
    const client = await connectHelper((stream) => this.aedes.handle(stream), this.clock, 'same-id', clientId);
    this.helpers.add(client);
  }

  async publish(topic: string, payload: string | Buffer, options: PublishOptions = {}): Promise<void> {
    this.publisher ??= this.helper('publisher');
    await publishVia(await this.publisher, this.clock, topic, payload, options);
  }

  async subscribe(topic: string, qos: 0 | 1 | 2 = 0): Promise<Subscriber> {
    const client = await this.helper('subscriber');
    return subscribeVia(client, this.clock, topic, qos);
  }

  // ----- lifecycle -----------------------------------------------------------------------------

  /** Closes listeners, module connections, helper clients and Aedes. Idempotent; never throws. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.stopListening().catch(() => undefined);
      for (const connection of this.connectionsById.values()) connection.drop('close', 'fixture stopped');
      await Promise.all([...this.helpers].map((client) => endHelper(client).catch(() => undefined)));
      await new Promise<void>((resolve) => this.aedes.close(() => resolve()));
    })().catch(() => undefined);
    return this.stopping;
  }

  private accept(socket: Duplex, tls: boolean): void {
    if (this.stopping) {
      socket.destroy();
      return;
    }
    this.clock.activity();
    // Small MQTT packets must not sit in Nagle's buffer for the 40 ms delayed ACK of loopback:
    // on virtual time that delay is long enough for the clock to jump past the delivery.
    if (!isInProcessLink(socket)) (socket as Socket).setNoDelay?.(true);
    const id = this.nextConnectionId++;
    const connection = new TapConnection(id, socket, tls, {
      clock: this.clock,
      recorder: this.recorder,
      faults: this.faults,
      openBrokerStream: () => {
        const [ours, theirs] = duplexPair();
        this.aedes.handle(theirs);
        return ours;
      },
      checkCredentials: (connect) => {
        if (!this.cloud) return undefined;
        const verdict = verifyConnect(
          { clientId: connect.clientId, username: connect.username, password: connect.password },
          this.cloud.identity,
          this.cloud.options,
        );
        if (!verdict.ok) this.refusedCredentials.push(verdict.reason);
        return verdict.ok ? undefined : verdict.reason;
      },
      keepAliveEnforced: () => this.keepAlive,
      onClosed: (info) => this.closed.push(info),
    });
    this.connectionsById.set(id, connection);
  }

  private async helper(role: string): Promise<MqttClient> {
    const client = await connectHelper((stream) => this.aedes.handle(stream), this.clock, role);
    this.helpers.add(client);
    return client;
  }
}
