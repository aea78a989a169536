// `docker build` on the simulated daemon: BuildKit's Dockerfile frontend reduced to what the
// emulator models. Stages run in order; RUN executes through the userland on a copy-on-write fs
// and its upper layer becomes the step's layer; COPY/ADD write the context's (or a stage's) files
// into a layer. Every step has a content-addressed cache key; results are kept in the state
// (`buildCache`), so a rebuild shows CACHED and produces the same image ID. The progress text is
// BuildKit's plain (non-TTY) output.
import type { Daemon } from '../daemon.js';
import type { ImageHistoryEntry, ImageLayer, ImageRecord } from '../state.js';
import type { ImageConfig } from '../../catalog/types.js';
import type { FsNode, LayerData } from '../fs/types.js';
import type { OutputChunk } from '../userland/types.js';
import { createContainerFs, normalizePath } from '../fs/index.js';
import { imageFromCatalog, tagImage } from '../images/pull.js';
import { findImage } from '../images/resolve.js';
import { chainIdsOf, type CacheHold } from '../images/layers.js';
import { familiarName, familiarString, fullString, parseReference, withDefaultTag } from '../images/reference.js';
import { DockerfileError, levenshtein, expandVars, parseDockerfile, parsePairs, sourceExcerpt, splitWords, type Instruction } from './dockerfile.js';
import { sha256Hex } from './sha256.js';
import type { BuildContextEntry, BuildContextReader } from './context.js';
import { dockerignoreFilter } from './ignore.js';

export interface BuildOptions {
  contextPath: string;
  /** -f as given ('' = PATH/Dockerfile). */
  file?: string;
  /** Familiar references as given by -t. */
  tags: string[];
  target?: string;
  noCache: boolean;
  buildArgs: Record<string, string>;
  labels: Record<string, string>;
  /** The client's stdin, for `-f -`. */
  stdin?: string;
}

export interface BuildResult {
  /** Progress text (stderr). */
  progress: string;
  exitCode: number;
  image?: ImageRecord;
  /** On failure: the source excerpt and ERROR line (all that -q prints). */
  errorText?: string;
}

interface CacheEntry extends CacheHold {
  created: string;
  layer?: ImageLayer;
  output?: OutputChunk[];
}

interface StageDef {
  index: number;
  name?: string;
  base: string;
  fromLine: Instruction;
  instructions: Instruction[];
}

interface StageResult {
  config: ImageConfig;
  layers: ImageLayer[];
  history: ImageHistoryEntry[];
  flavor: string;
  architecture: string;
  os: string;
  variant?: string;
  key: string;
  size: number;
}

class BuildFailure extends Error {
  constructor(readonly summary: string, readonly excerpt?: { line: number; endLine: number }, readonly vertexError?: string) {
    super(summary);
  }
}

const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const LAYER_STEPS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

function cacheOf(d: Daemon): Record<string, CacheEntry> {
  const s = d.state as unknown as { buildCache?: Record<string, CacheEntry> };
  if (!s.buildCache) s.buildCache = {};
  return s.buildCache;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function goQuoteList(a: string[]): string {
  return `[${a.map((x) => JSON.stringify(x)).join(' ')}]`;
}

function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  let s = ns / 1e9;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const sec = Number.isInteger(s) ? `${s}s` : `${Number(s.toFixed(9))}s`;
  if (ns < 1e9) return `${ns / 1e6}ms`;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${sec}`;
}

function parseDurationNs(v: string): number {
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|\u00b5s|ms|s|m|h)/g;
  let m;
  while ((m = re.exec(v))) {
    const n = Number(m[1]);
    total += n * ({ ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 } as Record<string, number>)[m[2]];
  }
  return total;
}

function globToRegex(p: string): RegExp {
  let re = '';
  for (const c of p) {
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function randomRefId(d: Daemon): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 25; i++) s += chars[d.random.int(chars.length)];
  return s;
}

export function runBuild(d: Daemon, reader: BuildContextReader, o: BuildOptions): BuildResult {
  const blocks: string[] = [];
  let n = 0;
  const vertex = (name: string, lines: string[] = [], done: string | null = 'DONE 0.0s') => {
    n += 1;
    const body = [`#${n} ${name}`, ...lines.map((l) => `#${n} ${l}`)];
    if (done !== null) body.push(`#${n} ${done}`);
    blocks.push(body.join('\n'));
    return n;
  };
  const progress = (tail = '') => `${blocks.join('\n\n')}\n${tail}`;

  const ctxKind = reader.stat(o.contextPath);
  if (ctxKind !== 'dir') {
    if (ctxKind === undefined) return { progress: `ERROR: failed to build: unable to prepare context: path "${o.contextPath}" not found\n`, exitCode: 1 };
    return { progress: `ERROR: failed to build: unable to prepare context: path "${o.contextPath}" not a directory\n`, exitCode: 1, errorText: `ERROR: failed to build: unable to prepare context: path "${o.contextPath}" not a directory\n` };
  }
  blocks.push('#0 building with "default" instance using docker driver');
  // `-f -`: the Dockerfile comes from the client's stdin.
  const fromStdin = o.file === '-';
  const filePath = o.file && !fromStdin ? o.file : `${o.contextPath.replace(/\/+$/, '')}/Dockerfile`;
  const fileName = fromStdin ? 'Dockerfile' : filePath.split('/').filter(Boolean).pop() ?? 'Dockerfile';
  const text = fromStdin ? (o.stdin ?? '') : reader.readFile(filePath);
  const fileBytes = text === undefined ? 2 : new TextEncoder().encode(text).length + fileName.length + 27;
  vertex(`[internal] load build definition from ${fileName}`, [`transferring dockerfile: ${fileBytes}B done`]);
  if (text === undefined) {
    const errorText = `ERROR: failed to build: failed to solve: failed to read dockerfile: open ${fileName}: no such file or directory\n`;
    return { progress: progress(errorText), exitCode: 1, errorText };
  }
  let warnings: string[] = [];
  let warningText = () => '';
  const fail = (summary: string, at?: { line: number; endLine: number }): BuildResult => {
    const errorText = `${at ? sourceExcerpt(fileName, text, at.line, at.endLine) : ''}ERROR: failed to build: failed to solve: ${summary}\n`;
    return { progress: progress(`${warningText()}${errorText}`), exitCode: 1, errorText };
  };

  let instructions: Instruction[];
  try {
    instructions = parseDockerfile(text);
  } catch (e) {
    if (e instanceof DockerfileError) return fail(e.message, e.line ? { line: e.line, endLine: e.line } : undefined);
    throw e;
  }

  warnings = lint(instructions);
  warningText = () => {
    if (warnings.length === 0) return '';
    const head = `${warnings.length} warning${warnings.length === 1 ? '' : 's'} found (use docker --debug to expand):`;
    return `\n \x1b[33m${head}\n\x1b[0m${warnings.map((w) => ` - ${w}\n`).join('')}`;
  };

  // Stages, global ARGs.
  const globalArgs: Record<string, string | undefined> = {};
  const stages: StageDef[] = [];
  for (const ins of instructions) {
    if (ins.cmd === 'FROM') {
      const words = splitWords(ins.args);
      const base = expandVars(words[0] ?? '', globalArgs);
      const name = words.length >= 3 && words[1].toLowerCase() === 'as' ? words[2].toLowerCase() : undefined;
      stages.push({ index: stages.length, name, base, fromLine: ins, instructions: [] });
    } else if (stages.length === 0) {
      if (ins.cmd !== 'ARG') return fail('no build stage in current context', { line: ins.line, endLine: ins.endLine });
      for (const [k, v] of parsePairs(ins.args, false)) globalArgs[k] = o.buildArgs[k] ?? (ins.args.includes('=') ? v : undefined);
    } else {
      stages[stages.length - 1].instructions.push(ins);
    }
  }
  if (stages.length === 0) return fail('the Dockerfile cannot be empty');
  const stageByName = (ref: string): StageDef | undefined =>
    stages.find((s) => s.name === ref.toLowerCase()) ?? (/^\d+$/.test(ref) ? stages[Number(ref)] : undefined);

  let targetStage = stages[stages.length - 1];
  if (o.target) {
    const t = stages.find((s) => s.name === o.target!.toLowerCase());
    if (!t) return fail(`target stage "${o.target}" could not be found`);
    targetStage = t;
  }
  // Stages the target needs, transitively.
  const needed = new Set<number>();
  const visit = (s: StageDef) => {
    if (needed.has(s.index)) return;
    needed.add(s.index);
    const dep = stageByName(s.base);
    if (dep && dep.index < s.index) visit(dep);
    for (const ins of s.instructions) {
      if ((ins.cmd === 'COPY' || ins.cmd === 'ADD') && ins.flags.from) {
        const dep2 = stageByName(ins.flags.from);
        if (dep2 && dep2.index < s.index) visit(dep2);
      }
    }
  };
  visit(targetStage);
  const order = stages.filter((s) => needed.has(s.index));

  // External base images: load metadata.
  const normalizeRef = (ref: string) => fullString(withDefaultTag(parseReference(ref)));
  const externals: string[] = [];
  const externalOf = (ref: string, before: number): string | undefined => {
    if (ref === 'scratch') return undefined;
    const st = stageByName(ref);
    if (st && st.index < before) return undefined;
    return ref;
  };
  for (const s of order) {
    const e = externalOf(s.base, s.index);
    if (e && !externals.includes(e)) externals.push(e);
    for (const ins of s.instructions) {
      if ((ins.cmd === 'COPY' || ins.cmd === 'ADD') && ins.flags.from) {
        const e2 = externalOf(ins.flags.from, s.index);
        if (e2 && !externals.includes(e2)) externals.push(e2);
      }
    }
  }
  const baseImages = new Map<string, ImageRecord>();
  for (const ref of externals) {
    let full: string;
    try { full = normalizeRef(ref); } catch { return fail(`failed to parse stage name "${ref}": invalid reference format`); }
    let img = findImage(d, ref);
    if (!img) {
      const parsed = withDefaultTag(parseReference(ref));
      const cat = parsed.tag ? d.env.images.find(familiarName(parsed), parsed.tag) : undefined;
      if (cat) img = d.state.images[cat.id] ?? imageFromCatalog(cat, d);
    }
    if (!img) {
      vertex(`[internal] load metadata for ${full}`, [`ERROR: ${full}: not found`], null);
      blocks[blocks.length - 1] += `\n------\n > [internal] load metadata for ${full}:\n------`;
      const s = order.find((st) => st.base === ref);
      return fail(`${ref}: failed to resolve source metadata for ${full}: ${full}: not found`, s ? { line: s.fromLine.line, endLine: s.fromLine.endLine } : undefined);
    }
    baseImages.set(ref, img);
    vertex(`[internal] load metadata for ${full}`);
  }

  // .dockerignore and the context.
  const ignoreText = reader.readFile(`${o.contextPath.replace(/\/+$/, '')}/.dockerignore`);
  vertex('[internal] load .dockerignore', [`transferring context: ${ignoreText === undefined ? 2 : new TextEncoder().encode(ignoreText).length + 39}B done`]);
  const ignored = dockerignoreFilter(ignoreText ?? '');
  let contextEntries: BuildContextEntry[] | undefined;
  const context = (): BuildContextEntry[] => {
    if (!contextEntries) {
      contextEntries = reader.list(o.contextPath).filter((e) => !ignored(e.path));
      let bytes = 0;
      for (const e of contextEntries) bytes += (e.type === 'file' ? e.size : 0) + e.path.length + 12;
      vertex('[internal] load build context', [`transferring context: ${contextEntries.length ? bytes : 2}B done`]);
    }
    return contextEntries;
  };

  const cache = cacheOf(d);
  // A base image the cache has seen shows CACHED, unless nothing had to run at all (then DONE).
  const seenFroms: number[] = [];
  let executed = false;
  const patchFroms = () => {
    if (!executed) return;
    for (const i of seenFroms) blocks[i] = blocks[i].replace(/ DONE 0\.0s$/, ' CACHED');
  };
  const results = new Map<number, StageResult>();
  const stageArgs = new Map<number, { args: Record<string, string | undefined>; used: string[] }>();
  const multi = stages.length > 1;
  const cmdLine = (s: string) => s;

  try {
    for (const s of order) {
      const label = multi ? (s.name ?? `stage-${s.index}`) : '';
      const external = externalOf(s.base, s.index);
      const steps = s.instructions.filter((i) => LAYER_STEPS.has(i.cmd)).length + (external ? 1 : 0);
      let stepNo = 0;
      const stepName = (txt: string) => {
        stepNo += 1;
        return `[${label ? `${label} ` : ''}${stepNo}/${steps}] ${txt}`;
      };
      let st: StageResult;
      if (s.base === 'scratch') {
        st = { config: { Env: [DEFAULT_PATH] }, layers: [], history: [], flavor: '', architecture: 'amd64', os: 'linux', key: 'scratch', size: 0 };
      } else if (!external) {
        st = clone(results.get(stageByName(s.base)!.index)!);
      } else {
        const img = baseImages.get(s.base)!;
        st = {
          config: clone(img.config), layers: clone(img.layers), history: clone(img.history), flavor: img.flavor,
          architecture: img.architecture, os: img.os, variant: img.variant, key: `image:${img.id}`, size: img.size,
        };
        const seenKey = `from:${img.id}`;
        const seen = !!cache[seenKey] && !o.noCache;  // --no-cache: the base always shows DONE
        vertex(stepName(`FROM ${normalizeRef(s.base)}`), [], 'DONE 0.0s');
        if (seen) seenFroms.push(blocks.length - 1);
        // The cache keeps the base's layers: `docker rmi` of the base deletes its image only.
        cache[seenKey] = { created: d.timestamp(), holds: chainIdsOf(img.layers) };
      }
      const inherited = !external && s.base !== 'scratch' ? stageArgs.get(stageByName(s.base)!.index) : undefined;
      const args: Record<string, string | undefined> = { ...(inherited?.args ?? {}) };
      const usedArgs: string[] = [...(inherited?.used ?? [])];
      const envMap = (): Record<string, string | undefined> => {
        const m: Record<string, string | undefined> = { ...args };
        for (const e of st.config.Env ?? []) { const i = e.indexOf('='); m[e.slice(0, i)] = e.slice(i + 1); }
        return m;
      };
      const x = (v: string) => expandVars(v, envMap());
      // BuildKit's UndefinedVar check: a variable expanded by an instruction that neither ARG,
      // ENV nor the base image defines.
      const checkVars = (ins: Instruction, text: string) => {
        const known = envMap();
        const re = /\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?][^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
        let m;
        while ((m = re.exec(text))) {
          const name = m[1] ?? m[3];
          if (!name || m[2] || name in known || usedArgs.includes(name)) continue;
          let best = '';
          let bestD = Infinity;
          for (const k of [...Object.keys(known), ...usedArgs]) {
            const dd = levenshtein(name, k);
            if (dd < bestD) { best = k; bestD = dd; }
          }
          const hint = bestD <= Math.max(1, Math.ceil(name.length / 2)) ? ` (did you mean $${best}?)` : '';
          const w = `UndefinedVar: Usage of undefined variable '$${name}'${hint} (line ${ins.line})`;
          if (!warnings.includes(w)) warnings.push(w);
        }
      };
      let sawCmd = false;
      let inlineShown = false;
      let sawEntrypoint = false;

      const step = (ins: Instruction, historyText: string, keyExtra: string, apply: () => { layer?: LayerData; output?: OutputChunk[] } | void, layerStep: boolean, display?: string, selfEmit = false) => {
        const key = sha256Hex(`${st.key}\n${historyText}\n${keyExtra}`);
        // --no-cache re-runs every step, but BuildKit still reports a WORKDIR it has as CACHED.
        let entry = o.noCache && ins.cmd !== 'WORKDIR' ? undefined : cache[key];
        let vn = 0;
        if (layerStep) {
          if (entry) {
            vn = vertex(stepName(display ?? historyText), [], 'CACHED');
          } else {
            executed = true;
            const r = apply() ?? {};
            if (!selfEmit) vn = vertex(stepName(display ?? historyText), [], 'DONE 0.1s');
            const created = d.timestamp();
            entry = { created };
            if (r.layer) {
              const data = r.layer;
              const diffId = `sha256:${sha256Hex(JSON.stringify(data))}`;
              entry.layer = { digest: `sha256:${sha256Hex(`blob:${diffId}`)}`, diffId, size: layerSize(data), data };
            }
            cache[key] = entry;
            void vn;
          }
          if (entry.layer) {
            st.layers.push(clone(entry.layer));
            st.size += entry.layer.size;
            entry.holds ??= chainIdsOf(st.layers); // (and the step's result, on top of them)
          }
        } else {
          apply();
          if (!entry) { entry = { created: d.timestamp() }; cache[key] = entry; }
        }
        st.key = key;
        const h: ImageHistoryEntry = { created: entry.created, createdBy: historyText, comment: 'buildkit.dockerfile.v0' };
        if (!entry.layer) h.emptyLayer = true;
        st.history.push(h);
      };

      for (const ins of s.instructions) {
        const at = { line: ins.line, endLine: ins.endLine };
        if (!['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ONBUILD', 'SHELL', 'ARG'].includes(ins.cmd) && !ins.json) {
          checkVars(ins, ins.heredocs ? ins.args : ins.args);
          for (const h of ins.heredocs ?? []) if (h.expand) checkVars(ins, h.content);
        }
        switch (ins.cmd) {
          case 'ARG': {
            const shown: string[] = [];
            for (const [k, v] of parsePairs(ins.args, false)) {
              const hasDefault = splitWords(ins.args).some((w) => w.startsWith(`${k}=`));
              args[k] = o.buildArgs[k] ?? (hasDefault ? x(v) : globalArgs[k]);
              if (args[k] === undefined) delete args[k];
              if (!usedArgs.includes(k)) usedArgs.push(k);
              shown.push(args[k] === undefined ? k : `${k}=${args[k]}`);
            }
            step(ins, `ARG ${shown.join(' ')}`, '', () => undefined, false);
            break;
          }
          case 'ENV': {
            const pairs = parsePairs(ins.args, true);
            const before = envMap();
            const env = [...(st.config.Env ?? [])];
            for (const [k, v] of pairs) {
              const val = expandVars(v, before);
              const i = env.findIndex((e) => e.startsWith(`${k}=`));
              if (i >= 0) env[i] = `${k}=${val}`; else env.push(`${k}=${val}`);
            }
            step(ins, `ENV ${pairs.map(([k, v]) => `${k}=${expandVars(v, before)}`).join(' ')}`, '', () => { st.config.Env = env; }, false);
            break;
          }
          case 'LABEL': {
            const pairs = parsePairs(x(ins.args), true);
            step(ins, `LABEL ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`, '', () => {
              const labels = { ...(st.config.Labels ?? {}) };
              for (const [k, v] of pairs) labels[k] = v;
              st.config.Labels = labels;
            }, false);
            break;
          }
          case 'MAINTAINER':
            step(ins, `MAINTAINER ${ins.args}`, '', () => undefined, false);
            break;
          case 'EXPOSE': {
            const ports = splitWords(x(ins.args)).map((p) => (p.includes('/') ? p.toLowerCase() : `${p}/tcp`));
            step(ins, `EXPOSE [${ports.join(' ')}]`, '', () => {
              const ep = { ...(st.config.ExposedPorts ?? {}) };
              for (const p of ports) ep[p] = {};
              st.config.ExposedPorts = ep;
            }, false);
            break;
          }
          case 'CMD':
          case 'ENTRYPOINT': {
            const shell = st.config.Shell ?? ['/bin/sh', '-c'];
            const argv = ins.json ?? [...shell, ins.args];
            step(ins, `${ins.cmd} ${goQuoteList(argv)}`, '', () => {
              if (ins.cmd === 'CMD') { st.config.Cmd = argv; sawCmd = true; }
              else { st.config.Entrypoint = argv; sawEntrypoint = true; if (!sawCmd) st.config.Cmd = null; }
            }, false);
            break;
          }
          case 'USER':
            step(ins, `USER ${x(ins.args)}`, '', () => { st.config.User = x(ins.args); }, false);
            break;
          case 'STOPSIGNAL':
            step(ins, `STOPSIGNAL ${x(ins.args)}`, '', () => { st.config.StopSignal = x(ins.args); }, false);
            break;
          case 'SHELL':
            if (!ins.json) throw new BuildFailure('SHELL requires the arguments to be in JSON form', at);
            step(ins, `SHELL ${goQuoteList(ins.json)}`, '', () => { st.config.Shell = ins.json; }, false);
            break;
          case 'ONBUILD':
            step(ins, `ONBUILD ${ins.args}`, '', () => { st.config.OnBuild = [...(st.config.OnBuild ?? []), ins.args]; }, false);
            break;
          case 'VOLUME': {
            const vols = ins.json ?? splitWords(x(ins.args));
            step(ins, `VOLUME [${vols.join(' ')}]`, '', () => {
              const v = { ...(st.config.Volumes ?? {}) };
              for (const p of vols) v[p] = {};
              st.config.Volumes = v;
            }, false);
            break;
          }
          case 'HEALTHCHECK': {
            const words = ins.args.trim();
            if (/^none$/i.test(words)) {
              step(ins, 'HEALTHCHECK &{["NONE"] "0s" "0s" "0s" "0s" \'\\x00\'}', '', () => { st.config.Healthcheck = { Test: ['NONE'] }; }, false);
              break;
            }
            const m = /^CMD\s+([\s\S]*)$/i.exec(words);
            if (!m) throw new BuildFailure('Unknown type "" in HEALTHCHECK (try CMD)', at);
            const json = ins.json ?? undefined;
            const rest = m[1];
            const restJson = rest.trim().startsWith('[') ? (() => { try { return JSON.parse(rest) as string[]; } catch { return undefined; } })() : undefined;
            const test = restJson ? ['CMD', ...restJson] : ['CMD-SHELL', rest];
            void json;
            const hc: NonNullable<ImageConfig['Healthcheck']> = { Test: test };
            const interval = ins.flags.interval ? parseDurationNs(ins.flags.interval) : 0;
            const timeout = ins.flags.timeout ? parseDurationNs(ins.flags.timeout) : 0;
            const startPeriod = ins.flags['start-period'] ? parseDurationNs(ins.flags['start-period']) : 0;
            const startInterval = ins.flags['start-interval'] ? parseDurationNs(ins.flags['start-interval']) : 0;
            const retries = ins.flags.retries ? Number(ins.flags.retries) : 0;
            if (interval) hc.Interval = interval;
            if (timeout) hc.Timeout = timeout;
            if (startPeriod) hc.StartPeriod = startPeriod;
            if (retries) hc.Retries = retries;
            const hist = `HEALTHCHECK &{${goQuoteList(test)} "${goDuration(interval)}" "${goDuration(timeout)}" "${goDuration(startPeriod)}" "${goDuration(startInterval)}" '\\x${retries.toString(16).padStart(2, '0')}'}`;
            step(ins, hist, '', () => { st.config.Healthcheck = hc; }, false);
            break;
          }
          case 'WORKDIR': {
            const dir = normalizePath(x(ins.args), st.config.WorkingDir || '/');
            step(ins, `WORKDIR ${dir}`, '', () => {
              st.config.WorkingDir = dir;
              const fs = createContainerFs(lowersOf(d, st), {});
              if (fs.stat(dir)) return {};
              fs.mkdir(dir, { recursive: true });
              return { layer: fs.upper() };
            }, true);
            if (!st.config.WorkingDir || st.config.WorkingDir !== dir) st.config.WorkingDir = dir;
            const last = st.history[st.history.length - 1];
            if (last.emptyLayer) {
              // Mutation-free WORKDIR: BuildKit still records the step, as an empty layer.
            }
            break;
          }
          case 'RUN': {
            const shellArgv = st.config.Shell ?? ['/bin/sh', '-c'];
            const hd = ins.heredocs?.[0];
            // `RUN <<EOF` alone runs the document as the shell script; with a command, the shell
            // gets the whole text (a shell here-document).
            const scriptOnly = !!hd && ins.args.trim().replace(/^<<-?(["']?)[A-Za-z_][A-Za-z0-9_]*\1$/, '') === '';
            const argv = hd
              ? (scriptOnly ? [...shellArgv, hd.content] : [...shellArgv, `${ins.args}\n${ins.heredocs!.map((h) => `${h.content}${h.name}`).join('\n')}`])
              : ins.json ?? [...shellArgv, ins.args];
            const argPairs = usedArgs.filter((k) => args[k] !== undefined).map((k) => `${k}=${args[k]}`);
            const prefix = argPairs.length ? `|${argPairs.length} ${argPairs.join(' ')} ` : '';
            const historyText = `RUN ${prefix}${argv.join(' ')} # buildkit`;
            const docLines = hd ? hd.content.split('\n').filter((l, i, a) => !(i === a.length - 1 && l === '')) : [];
            const display = hd && scriptOnly
              ? `RUN ${ins.rest} (${docLines[0] ?? ''}${docLines.length > 1 ? '...' : ''})`
              : `RUN ${expandVars(ins.rest, { ...args }, true)}`;
            const processText = JSON.stringify(argv.join(' ')).slice(1, -1);
            let failed: { code: number; output: OutputChunk[] } | undefined;
            step(ins, historyText, '', () => {
              const fs = createContainerFs(lowersOf(d, st), {});
              const env = [...(st.config.Env ?? [])];
              if (!env.some((e) => e.startsWith('PATH='))) env.unshift(DEFAULT_PATH);
              for (const k of usedArgs) if (args[k] !== undefined && !env.some((e) => e.startsWith(`${k}=`))) env.push(`${k}=${args[k]}`);
              if (!env.some((e) => e.startsWith('HOSTNAME='))) env.push('HOSTNAME=buildkitsandbox');
              const outcome = d.env.processes.start({
                argv, env, cwd: st.config.WorkingDir || '/', user: st.config.User ?? '', hostname: 'buildkitsandbox',
                imageFlavor: st.flavor, tty: false, interactive: false, nowMs: d.now(), random: () => d.random.next(), fs, pid: 1,
              });
              let code = 0;
              let output: OutputChunk[] = [];
              let dur = 0;
              if (outcome.kind === 'start-failed') code = outcome.reason === 'not-found' || outcome.reason === 'no-such-file' ? 127 : 126;
              else if (outcome.kind === 'exited') { code = outcome.exitCode; output = outcome.output; dur = outcome.durationMs; }
              else { output = outcome.output; code = outcome.service.exitCode ?? 0; dur = outcome.service.exitAfterMs ?? 0; }
              d.wait(dur);
              const lines = outputLines(output);
              const secs = ((400 + dur) / 1000).toFixed(1);
              if (code !== 0) {
                failed = { code, output };
                vertex(stepName(display), [...lines, `ERROR: process "${processText}" did not complete successfully: exit code: ${code}`], null);
                throw new BuildFailure(`process "${processText}" did not complete successfully: exit code: ${code}`, at);
              }
              vertex(stepName(display), lines, `DONE ${secs}s`);
              return { layer: fs.upper(), output };
            }, true, display, true);
            void failed;
            break;
          }
          case 'COPY':
          case 'ADD': {
            const words = ins.json ?? (ins.heredocs ? ins.args.trim().split(/\s+/) : splitWords(x(ins.args)));
            if (words.length < 2) throw new BuildFailure(`${ins.cmd} requires at least two arguments, but only one was provided. Destination could not be determined`, at);
            const srcs = words.slice(0, -1);
            const destRaw = words[words.length - 1];
            const from = ins.flags.from;
            let srcEntries: BuildContextEntry[];
            if (ins.heredocs) {
              srcEntries = ins.heredocs.map((h) => {
                const content = h.expand ? x(h.content) : h.content;
                return { path: `<<${h.name}`, type: 'file' as const, mode: 0o644, size: new TextEncoder().encode(content).length, content };
              });
              for (let k = 0; k < srcs.length; k++) {
                const m = /^<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1$/.exec(srcs[k]);
                if (m) srcs[k] = `<<${m[2]}`;
              }
              if (!inlineShown) { inlineShown = true; vertex('[internal] preparing inline document'); }
            } else if (from) {
              const dep = stageByName(from);
              const srcStage = dep && dep.index < s.index ? results.get(dep.index)! : imageStage(baseImages.get(from)!);
              srcEntries = entriesOfStage(d, srcStage);
            } else {
              srcEntries = context();
            }
            const flagText = Object.entries(ins.flags).map(([k, v]) => `--${k}=${v} `).join('');
            const text = `${ins.cmd} ${flagText}${words.join(' ')}`;
            let contentKey: string;
            try {
              contentKey = sha256Hex(JSON.stringify(selectSources(srcEntries, srcs, ins, d).entries.map((e) => [e.rel, e.e.type, e.e.mode, e.e.content ?? e.e.size])));
            } catch (e) {
              if (e instanceof BuildFailure && e.vertexError) {
                executed = true;
                vertex(stepName(text), [`ERROR: ${e.vertexError}`], null);
              }
              throw e;
            }
            const histFlags = Object.entries(ins.flags).filter(([k]) => k !== 'from').map(([k, v]) => `--${k}=${v} `).join('');
            step(ins, `${ins.cmd} ${histFlags}${words.join(' ')} # buildkit`, contentKey, () => {
              const sel = selectSources(srcEntries, srcs, ins, d);
              const fs = createContainerFs(lowersOf(d, st), {});
              const dest = normalizePath(destRaw, st.config.WorkingDir || '/');
              const intoDir = destRaw.endsWith('/') || srcs.length > 1 || sel.wildcard || fs.stat(dest)?.type === 'dir';
              const owner = parseChown(ins.flags.chown);
              const chmod = ins.flags.chmod ? parseInt(ins.flags.chmod, 8) : undefined;
              const now = d.now();
              for (const { rel, e, root } of sel.entries) {
                const target = root ? (rel === '' ? dest : `${dest}/${rel}`) : intoDir ? `${dest}/${rel}` : dest;
                const p = normalizePath(target);
                const parent = p.slice(0, p.lastIndexOf('/')) || '/';
                if (!fs.stat(parent)) fs.mkdir(parent, { recursive: true });
                if (e.type === 'dir') {
                  if (!fs.stat(p)) fs.mkdir(p, { mode: chmod ?? e.mode });
                } else if (e.type === 'symlink') {
                  if (fs.lstat(p)) fs.remove(p, { recursive: true });
                  fs.symlink(e.target ?? '', p);
                } else {
                  fs.writeFile(p, e.content ?? '', { mode: chmod ?? e.mode, uid: owner.uid, gid: owner.gid });
                }
              }
              const layer = fs.upper();
              // Keep the real size of files whose content is not modelled.
              for (const { rel, e, root } of sel.entries) {
                if (e.type !== 'file' || e.content !== undefined) continue;
                const target = normalizePath(root ? (rel === '' ? dest : `${dest}/${rel}`) : intoDir ? `${dest}/${rel}` : dest);
                const node = layer[target] as FsNode | undefined;
                if (node) { delete node.content; node.size = e.size; }
              }
              for (const node of Object.values(layer)) if (node && node.mtimeMs === undefined) node.mtimeMs = now;
              return { layer };
            }, true, text);
            break;
          }
          default:
            break;
        }
      }
      void sawEntrypoint;
      if (sawCmd && s === targetStage) st.config.ArgsEscaped = true;
      results.set(s.index, st);
      stageArgs.set(s.index, { args, used: usedArgs });
    }
  } catch (e) {
    patchFroms();
    if (e instanceof BuildFailure) {
      if (e.summary.startsWith('process ') || e.vertexError) {
        // The failed vertex is the last block: add its log excerpt.
        const last = blocks[blocks.length - 1];
        const header = last.split('\n')[0].replace(/^#\d+ /, '');
        const num = /^#(\d+) /.exec(last)![1];
        const errAt = last.indexOf(`\n#${num} ERROR: `);
        const logLines = last.slice(0, errAt < 0 ? last.length : errAt).split('\n').slice(1).map((l) => l.replace(/^#\d+ /, '')).slice(-6);
        blocks[blocks.length - 1] = `${last}\n------\n > ${header}:\n${logLines.map((l) => `${l}\n`).join('')}------`;
      }
      return fail(e.summary, e.excerpt);
    }
    throw e;
  }

  // Export.
  patchFroms();
  const st = results.get(targetStage.index)!;
  for (const [k, v] of Object.entries(o.labels)) st.config.Labels = { ...(st.config.Labels ?? {}), [k]: v };
  const allCached = blocks.every((b) => !/ DONE [1-9]|DONE 0\.[1-9]/.test(b) || b.startsWith('#0') || b.includes('[internal]'));
  const created = st.history.length ? st.history[st.history.length - 1].created : d.timestamp();
  const config = clone(st.config);
  // A Dockerfile that changes nothing of its base (FROM busybox alone) exports the base image
  // itself: the same config, layers and history, so the same ID (observed).
  const base = /^image:(sha256:[0-9a-f]{64})$/.exec(st.key);
  const unchanged = base && Object.keys(o.labels).length === 0 ? d.state.images[base[1]] : undefined;
  const id = unchanged?.id ?? `sha256:${sha256Hex(JSON.stringify({ config, diffIds: st.layers.map((l) => l.diffId), history: st.history, created }))}`;
  let img = d.state.images[id];
  if (!img) {
    img = {
      id, repoTags: [], repoDigests: [], parent: '', comment: st.history.length ? (st.history[st.history.length - 1].comment ?? '') : '', created, dockerVersion: '', author: '',
      architecture: st.architecture, variant: st.variant, os: st.os, size: st.size, config, layers: st.layers, history: st.history,
      // pulledAt a little before the tag, so inspect shows the tag time as LastTagTime (a pull's own
      // tag time is within a millisecond of pulledAt and shows as the zero time).
      flavor: st.flavor, lastTagTime: '0001-01-01T00:00:00Z', pulledAt: d.timestamp(d.now() - 5),
    };
    d.state.images[id] = img;
  }
  const names: string[] = [];
  for (const t of o.tags) {
    const parsed = withDefaultTag(parseReference(t));
    tagImage(d, img, familiarString(parsed));
    const shown = parseReference(t);
    names.push(`naming to ${fullString(shown)} done`);
    d.event('image', 'tag', id, { name: familiarString(parsed) });
  }
  vertex('exporting to image', [allCached ? 'exporting layers done' : 'exporting layers 0.1s done', `writing image ${id} done`, ...names], allCached ? 'DONE 0.0s' : 'DONE 0.1s');
  return { progress: progress(warningText()), exitCode: 0, image: img };
}

/** Bytes a layer adds (file sizes; directories, symlinks and whiteouts count nothing). */
function layerSize(layer: LayerData): number {
  let n = 0;
  for (const node of Object.values(layer)) {
    if (!node || node.type !== 'file') continue;
    n += node.size ?? (node.content !== undefined ? new TextEncoder().encode(node.content).length : 0);
  }
  return n;
}

function outputLines(output: OutputChunk[]): string[] {
  const lines: string[] = [];
  for (const ch of output) {
    const t = (0.4 + ch.atMs / 1000).toFixed(3);
    for (const l of ch.text.split('\n').filter((x, i, a) => !(i === a.length - 1 && x === ''))) lines.push(`${t} ${l}`);
  }
  return lines;
}

function lowersOf(d: Daemon, st: StageResult): LayerData[] {
  return st.layers.map((l) => l.data ?? (l.tree ? d.env.images.layerTree(l.tree) : {}));
}

function imageStage(img: ImageRecord): StageResult {
  return { config: clone(img.config), layers: clone(img.layers), history: [], flavor: img.flavor, architecture: img.architecture, os: img.os, key: img.id, size: img.size };
}

/** Every path of a stage's filesystem as context-like entries (for COPY --from). */
function entriesOfStage(d: Daemon, st: StageResult): BuildContextEntry[] {
  const fs = createContainerFs(lowersOf(d, st), {});
  const out: BuildContextEntry[] = [];
  const walk = (dir: string) => {
    for (const name of (fs.readdir(dir) ?? []).slice().sort()) {
      const p = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const node = fs.lstat(p);
      if (!node) continue;
      const rel = p.slice(1);
      if (node.type === 'dir') { out.push({ path: rel, type: 'dir', mode: node.mode, size: 0 }); walk(p); }
      else if (node.type === 'symlink') out.push({ path: rel, type: 'symlink', mode: 0o777, size: 0, target: node.target });
      else out.push({ path: rel, type: 'file', mode: node.mode, size: node.size ?? (node.content?.length ?? 0), content: node.content });
    }
  };
  walk('/');
  return out;
}

interface Selected { rel: string; e: BuildContextEntry; root: boolean }

/** The entries COPY sources select: files by name or glob, directories by their contents. */
function selectSources(entries: BuildContextEntry[], srcs: string[], ins: Instruction, d: Daemon): { entries: Selected[]; wildcard: boolean } {
  const out: Selected[] = [];
  let wildcard = false;
  for (const raw of srcs) {
    const src = normalizePath(raw, '/').slice(1); // '' for the root
    const isGlob = /[*?[]/.test(src);
    if (isGlob) wildcard = true;
    const matches = src === '' ? [{ path: '', type: 'dir' as const, mode: 0o755, size: 0 }] as BuildContextEntry[]
      : isGlob ? entries.filter((e) => globToRegex(src).test(e.path)) : entries.filter((e) => e.path === src);
    if (matches.length === 0) {
      const a = d.random.hex(0);
      void a;
      const u = d.random.hex(32);
      const ref = `${u.slice(0, 8)}-${u.slice(8, 12)}-${u.slice(12, 16)}-${u.slice(16, 20)}-${u.slice(20)}::${randomRefId(d)}`;
      const msg = `failed to calculate checksum of ref ${ref}: "/${src}": not found`;
      throw new BuildFailure(`failed to compute cache key: ${msg}`, { line: ins.line, endLine: ins.endLine }, msg);
    }
    for (const m of matches) {
      if (m.type === 'dir') {
        const prefix = m.path === '' ? '' : `${m.path}/`;
        for (const e of entries) if (e.path.startsWith(prefix) && e.path !== m.path) out.push({ rel: e.path.slice(prefix.length), e, root: !isGlob || srcs.length === 1 ? true : false });
        if (isGlob || srcs.length > 1) {
          // A directory among several sources is copied as a directory of its contents into dest.
          for (const x of out) if (x.e.path.startsWith(prefix)) x.root = false;
          for (const x of out) if (x.e.path.startsWith(prefix)) x.rel = x.e.path.slice(prefix.length);
        }
      } else {
        out.push({ rel: m.path.split('/').pop()!, e: m, root: false });
      }
    }
  }
  return { entries: out, wildcard };
}

function parseChown(v: string | undefined): { uid?: number; gid?: number } {
  if (!v) return {};
  const [u, g] = v.split(':');
  const uid = /^\d+$/.test(u) ? Number(u) : u === 'root' ? 0 : undefined;
  const gid = g === undefined ? uid : /^\d+$/.test(g) ? Number(g) : g === 'root' ? 0 : undefined;
  return { uid, gid };
}

/** BuildKit's default Dockerfile checks (the ones this emulator models), ordered by line. */
function lint(instructions: Instruction[]): string[] {
  const out: { line: number; text: string }[] = [];
  const upper = instructions.filter((i) => i.keyword === i.keyword?.toUpperCase()).length;
  const majority = upper * 2 >= instructions.length ? 'uppercase' : 'lowercase';
  for (const ins of instructions) {
    const k = ins.keyword ?? ins.cmd;
    const ok = majority === 'uppercase' ? k === k.toUpperCase() : k === k.toLowerCase();
    if (!ok) out.push({ line: ins.line, text: `ConsistentInstructionCasing: Command '${k}' should match the case of the command majority (${majority}) (line ${ins.line})` });
  }
  for (const ins of instructions) {
    const at = ` (line ${ins.line})`;
    const kw = /^\s*(\S+)/.exec(ins.rest) ? undefined : undefined;
    void kw;
    if (ins.cmd === 'FROM') {
      const words = splitWords(ins.args);
      if (words.length >= 3 && words[1].toLowerCase() === 'as') {
        const fromWord = ins.keyword ?? 'FROM';
        const fromUpper = fromWord === fromWord.toUpperCase();
        const asUpper = words[1] === words[1].toUpperCase();
        if (words[2] !== words[2].toLowerCase()) out.push({ line: ins.line, text: `StageNameCasing: Stage name '${words[2]}' should be lowercase${at}` });
        if (fromUpper !== asUpper) out.push({ line: ins.line, text: `FromAsCasing: '${words[1]}' and '${fromWord}' keywords' casing do not match${at}` });
      }
    }
    if ((ins.cmd === 'CMD' || ins.cmd === 'ENTRYPOINT') && !ins.json) {
      out.push({ line: ins.line, text: `JSONArgsRecommended: JSON arguments recommended for ${ins.cmd} to prevent unintended behavior related to OS signals${at}` });
    }
    if (ins.cmd === 'MAINTAINER') out.push({ line: ins.line, text: `MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label${at}` });
    if ((ins.cmd === 'ENV' || ins.cmd === 'LABEL') && !splitWords(ins.args)[0]?.includes('=')) {
      out.push({ line: ins.line, text: `LegacyKeyValueFormat: "${ins.cmd} key=value" should be used instead of legacy "${ins.cmd} key value" format${at}` });
    }
  }
  // Parse-time checks first (casing, legacy forms, JSON args), then the stage checks.
  const rank = (t: string) => (/^(ConsistentInstructionCasing|LegacyKeyValueFormat|JSONArgsRecommended)/.test(t) ? 0 : 1);
  return out.map((w, i) => ({ ...w, i })).sort((a, b) => rank(a.text) - rank(b.text) || a.i - b.i).map((w) => w.text);
}

/** `docker builder prune`: drops build-cache records (all with `all`, else those no image uses). */
export function pruneBuildCache(d: Daemon, all: boolean): { rows: { id: string; size: number }[]; total: number } {
  const cache = cacheOf(d);
  const used = new Set(d.imageList().flatMap((img) => img.layers.map((l) => l.diffId)));
  const rows: { id: string; size: number }[] = [];
  let total = 0;
  for (const [key, entry] of Object.entries(cache)) {
    if (!all && entry.layer && used.has(entry.layer.diffId)) continue;
    if (entry.layer) {
      rows.push({ id: randomRefId(d), size: entry.layer.size });
      total += entry.layer.size;
    }
    delete cache[key];
  }
  return { rows, total };
}
