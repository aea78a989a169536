// docker inspect: any kind of object, tried in the CLI's order (container, image, network,
// volume, then plugin; swarm objects only on a swarm manager), or only --type's kind.
import { CliError, type CommandDef, flagBool, flagString } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import { InspectLookupError, runInspect } from '../../format/inspect/inspector.js';
import type { InspectItem } from '../../format/inspect/item.js';
import {
  inspectContainer,
  inspectImage,
  inspectNetwork,
  inspectPlugin,
  inspectSwarmObject,
  inspectVolume,
} from '../../format/inspect/lookup.js';
import type { Daemon } from '../../engine/daemon.js';

export const OBJECT_TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];

interface Searcher {
  type: string;
  sizeSupported: boolean;
  swarm: boolean;
  inspect(d: Daemon, ref: string, size: boolean): InspectItem;
}

const SEARCH_ORDER: Searcher[] = [
  { type: 'container', sizeSupported: true, swarm: false, inspect: inspectContainer },
  { type: 'image', sizeSupported: false, swarm: false, inspect: (d, ref) => inspectImage(d, ref) },
  { type: 'network', sizeSupported: false, swarm: false, inspect: (d, ref) => inspectNetwork(d, ref) },
  { type: 'volume', sizeSupported: false, swarm: false, inspect: (d, ref) => inspectVolume(d, ref) },
  { type: 'service', sizeSupported: false, swarm: true, inspect: inspectSwarmObject },
  { type: 'task', sizeSupported: false, swarm: true, inspect: inspectSwarmObject },
  { type: 'node', sizeSupported: false, swarm: true, inspect: inspectSwarmObject },
  { type: 'plugin', sizeSupported: false, swarm: false, inspect: (d, ref) => inspectPlugin(d, ref) },
  { type: 'secret', sizeSupported: false, swarm: true, inspect: inspectSwarmObject },
  { type: 'config', sizeSupported: false, swarm: true, inspect: inspectSwarmObject },
];

function skippable(e: unknown): boolean {
  if (!(e instanceof DaemonError)) return false;
  return e.status === 'not-found' || e.message.includes('not supported') || e.message.includes('invalid reference format');
}

function typeList(): string {
  return `"${OBJECT_TYPES.join('", "')}"`;
}

export const inspectCommand: CommandDef = {
  invocations: ['inspect'],
  args: { kind: 'min', n: 1 },
  readOnly: true,
  run(ctx, refs) {
    const type = flagString(ctx, 'type') ?? '';
    if (ctx.changed.has('type') && type === '') throw new CliError(`type is empty: must be one of ${typeList()}`, 1);
    if (type !== '' && !OBJECT_TYPES.includes(type)) throw new CliError(`unknown type: ${JSON.stringify(type)}: must be one of ${typeList()}`, 1);
    const size = flagBool(ctx, 'size');
    const format = flagString(ctx, 'format') ?? '';
    const d = ctx.d;
    return runInspect(ctx, refs, format, (ref) => {
      for (const s of SEARCH_ORDER) {
        if (type !== '' && s.type !== type) continue;
        if (type === '' && s.swarm) continue; // not a swarm manager
        let item: InspectItem;
        try {
          item = s.inspect(d, ref, size);
        } catch (e) {
          if (type === '' && skippable(e)) continue;
          throw e;
        }
        if (size && !s.sizeSupported) ctx.err(`WARNING: --size ignored for ${s.type}\n`);
        return item;
      }
      throw new InspectLookupError(`Error: No such object: ${ref}`);
    });
  },
};
