import type { EngineState, NetworkRecord } from './state.js';
import { STATE_SCHEMA } from './state.js';
import { createRandom, seedState } from './rng.js';
import { rfc3339Nano } from './time.js';

/** A freshly installed daemon: no images or containers; the bridge, host and none networks. */
export function createInitialState(seed: number, nowMs: number): EngineState {
  const rng = createRandom(seedState(seed));
  const net = (name: string, driver: string, subnet = '', gateway = ''): NetworkRecord => ({
    id: rng.hex(64), name, driver, scope: 'local', created: rfc3339Nano(nowMs - 3600_000, rng.int(1_000_000)),
    internal: false, attachable: false, ipv6: false, subnet, gateway, labels: {},
    options: driver === 'bridge' ? {
      'com.docker.network.bridge.default_bridge': 'true',
      'com.docker.network.bridge.enable_icc': 'true',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
      'com.docker.network.bridge.name': 'docker0',
      'com.docker.network.driver.mtu': '1500',
    } : {},
    nextHost: 2,
  });
  const networks = [net('bridge', 'bridge', '172.17.0.0/16', '172.17.0.1'), net('host', 'host'), net('none', 'null')];
  return {
    schema: STATE_SCHEMA,
    rng: rng.state(),
    images: {},
    containers: {},
    volumes: {},
    networks: Object.fromEntries(networks.map((n) => [n.id, n])),
    portsLast: {},
    nextPid: 1000 + rng.int(2000),
    events: [],
  };
}
