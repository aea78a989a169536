// `docker commit`: a new image whose top layer holds the container's upper layer, with the
// container's configuration (plus -c changes) as its config.
import type { Daemon } from '../daemon.js';
import type { ContainerRecord, ImageRecord } from '../state.js';
import type { ImageConfig } from '../../catalog/types.js';
import type { LayerData } from '../fs/types.js';
import { DaemonError } from '../errors.js';
import { tagImage } from './pull.js';

export interface CommitOptions {
  /** Familiar tag ('repo:tag'), already validated; undefined = untagged. */
  tag?: string;
  message: string;
  author: string;
  changes: string[];
}

/** Bytes a layer adds (file sizes; directories and whiteouts count nothing). */
export function layerSize(layer: LayerData): number {
  let n = 0;
  for (const node of Object.values(layer)) {
    if (!node || node.type === 'dir') continue;
    if (node.type === 'symlink') continue;
    n += node.size ?? (node.content !== undefined ? new TextEncoder().encode(node.content).length : 0);
  }
  return n;
}

function splitWords(s: string): string[] {
  return s.trim().split(/\s+/).filter(Boolean);
}

function jsonOrShell(rest: string): string[] {
  const t = rest.trim();
  if (t.startsWith('[')) {
    try {
      const v = JSON.parse(t);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
    } catch { /* shell form */ }
  }
  return ['/bin/sh', '-c', t];
}

/** Applies Dockerfile-style --change instructions to `cfg`. */
export function applyChanges(cfg: ImageConfig, changes: string[]): void {
  for (const raw of changes) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^(\S+)\s*([\s\S]*)$/.exec(line)!;
    const instr = m[1].toUpperCase();
    const rest = m[2];
    const known = ['CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'WORKDIR', 'USER', 'STOPSIGNAL', 'LABEL', 'VOLUME', 'ONBUILD'];
    if (!known.includes(instr)) throw new DaemonError(`${instr} is not a valid change command`, 'invalid');
    if (rest.trim() === '') throw new DaemonError(`${instr} requires at least one argument`, 'invalid');
    switch (instr) {
      case 'CMD': cfg.Cmd = jsonOrShell(rest); break;
      case 'ENTRYPOINT': cfg.Entrypoint = jsonOrShell(rest); cfg.Cmd = null; break;
      case 'ENV': {
        const pairs: [string, string][] = [];
        if (/^[^\s=]+\s/.test(rest.trim()) && !rest.trim().split(/\s+/)[0].includes('=')) {
          const t = rest.trim();
          const i = t.search(/\s/);
          pairs.push([t.slice(0, i), t.slice(i).trim()]);
        } else {
          for (const w of splitWords(rest)) {
            const eq = w.indexOf('=');
            pairs.push([w.slice(0, eq), w.slice(eq + 1).replace(/^"(.*)"$/, '$1')]);
          }
        }
        const env = [...(cfg.Env ?? [])];
        for (const [k, v] of pairs) {
          const i = env.findIndex((e) => e.startsWith(`${k}=`));
          if (i >= 0) env[i] = `${k}=${v}`;
          else env.push(`${k}=${v}`);
        }
        cfg.Env = env;
        break;
      }
      case 'EXPOSE': {
        const ports = { ...(cfg.ExposedPorts ?? {}) };
        for (const p of splitWords(rest)) ports[p.includes('/') ? p.toLowerCase() : `${p}/tcp`] = {};
        cfg.ExposedPorts = ports;
        break;
      }
      case 'WORKDIR': cfg.WorkingDir = rest.trim(); break;
      case 'USER': cfg.User = rest.trim(); break;
      case 'STOPSIGNAL': cfg.StopSignal = rest.trim(); break;
      case 'LABEL': {
        const labels = { ...(cfg.Labels ?? {}) };
        for (const w of splitWords(rest)) {
          const eq = w.indexOf('=');
          if (eq > 0) labels[w.slice(0, eq)] = w.slice(eq + 1).replace(/^"(.*)"$/, '$1');
        }
        cfg.Labels = labels;
        break;
      }
      case 'VOLUME': {
        const vols = { ...(cfg.Volumes ?? {}) };
        for (const v of jsonOrShell(rest)[0] === '/bin/sh' ? splitWords(rest) : jsonOrShell(rest)) vols[v] = {};
        cfg.Volumes = vols;
        break;
      }
      case 'ONBUILD': cfg.OnBuild = [...(cfg.OnBuild ?? []), rest.trim()]; break;
      default:
        throw new DaemonError(`${instr} is not a valid change command`, 'invalid');
    }
  }
}

export function commitContainer(d: Daemon, c: ContainerRecord, o: CommitOptions): ImageRecord {
  const parent = d.state.images[c.imageId];
  const cc = c.config;
  const config: ImageConfig = {
    ...(parent ? JSON.parse(JSON.stringify(parent.config)) : {}),
    Env: [...cc.Env],
    Cmd: cc.Cmd ? [...cc.Cmd] : null,
    Entrypoint: cc.Entrypoint ? [...cc.Entrypoint] : null,
    WorkingDir: cc.WorkingDir,
    User: cc.User,
    Labels: Object.keys(cc.Labels ?? {}).length ? { ...cc.Labels } : (parent?.config.Labels ?? null),
    OnBuild: cc.OnBuild,
  };
  if (cc.ExposedPorts) config.ExposedPorts = { ...cc.ExposedPorts };
  if (cc.Volumes) config.Volumes = { ...cc.Volumes };
  if (cc.StopSignal) config.StopSignal = cc.StopSignal;
  applyChanges(config, o.changes);
  const upper = JSON.parse(JSON.stringify(c.upper)) as LayerData;
  const size = layerSize(upper);
  const diffId = `sha256:${d.random.hex(64)}`;
  const created = d.timestamp();
  const img: ImageRecord = {
    id: `sha256:${d.random.hex(64)}`,
    repoTags: [],
    repoDigests: [],
    parent: parent?.id ?? '',
    comment: o.message,
    created,
    dockerVersion: '',
    author: o.author,
    architecture: parent?.architecture ?? 'amd64',
    variant: parent?.variant,
    os: parent?.os ?? 'linux',
    size: (parent?.size ?? 0) + size,
    config,
    layers: [...(parent?.layers ?? []).map((l) => ({ ...l })), { digest: diffId, diffId, size, data: upper }],
    // CREATED BY of the new row: the daemon records Config.Cmd, not Path/Args.
    history: [
      ...(parent?.history ?? []).map((h) => ({ ...h })),
      { created, createdBy: (c.config.Cmd ?? []).join(' '), ...(o.message ? { comment: o.message } : {}) },
    ],
    flavor: parent?.flavor ?? '',
    lastTagTime: '0001-01-01T00:00:00Z',
    pulledAt: created,
  };
  d.state.images[img.id] = img;
  if (o.tag) tagImage(d, img, o.tag);
  d.event('container', 'commit', c.id, { comment: o.message, imageID: img.id, imageRef: o.tag ?? '', name: c.name });
  return img;
}
