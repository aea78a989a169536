// explain('docker run -d -p 8080:80 --name web nginx'): what a command does, in plain English, one
// line per flag and argument. Common flags come from the small table below; any other flag falls
// back to its description in Docker's own help text.
import { CommandLineError, toArgv } from './command-line.js';
import { commandSummary, flagDescriptions, flagSpecs, resolveCommandPath, usageLine, type FlagSpec } from './help-info.js';

export interface ExplainedPart {
  /** What the user typed: '-p 8080:80', '--rm', 'nginx'. */
  text: string;
  meaning: string;
}

export interface Explanation {
  /** 'docker run' */
  command: string;
  summary: string;
  parts: ExplainedPart[];
  /** Things Docker would refuse (unknown flags, a missing value). */
  problems: string[];
}

/** Canonical names, so `docker container ls` and `docker ps` are explained alike. */
const ALIASES: Record<string, string> = {
  'container ls': 'ps', 'container list': 'ps', 'container ps': 'ps', 'image ls': 'images', 'image list': 'images',
  'image rm': 'rmi', 'image remove': 'rmi', 'container remove': 'rm', 'volume list': 'volume ls', 'volume remove': 'volume rm',
  'network list': 'network ls', 'network remove': 'network rm',
};

function canonical(path: string): string {
  if (ALIASES[path]) return ALIASES[path];
  const m = /^(container|image) (.*)$/.exec(path);
  if (m && ['run', 'create', 'start', 'stop', 'restart', 'kill', 'rm', 'logs', 'exec', 'port', 'rename', 'pause', 'unpause', 'wait', 'inspect', 'pull', 'push', 'tag', 'build', 'history', 'attach', 'commit', 'cp', 'diff', 'export', 'stats', 'top', 'update', 'save', 'load', 'import'].includes(m[2])) {
    return m[1] === 'image' && m[2] === 'inspect' ? 'image inspect' : m[2];
  }
  return path;
}

const SUMMARIES: Record<string, string> = {
  run: 'Creates a new container from an image and starts it.',
  create: 'Creates a new container from an image without starting it (start it later with docker start).',
  start: 'Starts one or more stopped containers again.',
  stop: 'Stops running containers: sends them SIGTERM, then SIGKILL if they are still running after a grace period (10 seconds by default).',
  restart: 'Stops and then starts containers again.',
  kill: 'Kills running containers at once (SIGKILL unless -s names another signal).',
  rm: 'Removes containers. A running container is only removed with -f.',
  ps: 'Lists containers (only the running ones unless -a is given).',
  images: 'Lists the images stored on this machine.',
  pull: 'Downloads an image from a registry (Docker Hub unless the name says otherwise).',
  push: 'Uploads an image to a registry.',
  logs: "Shows a container's output: what its main process wrote to stdout and stderr.",
  exec: 'Runs an extra command inside a running container.',
  port: "Shows which host ports a container's ports are published on.",
  rename: 'Gives a container a new name.',
  pause: 'Freezes every process of the containers (they keep their memory).',
  unpause: 'Lets paused containers run again.',
  wait: 'Waits until the containers stop, then prints their exit codes.',
  tag: 'Gives an image an additional name (a tag); both names refer to the same image ID.',
  rmi: 'Removes images (an image still used by a container needs -f).',
  version: 'Shows the versions of the Docker client and of the daemon (server).',
  info: 'Shows system-wide information about the Docker installation.',
  inspect: 'Shows everything Docker knows about containers or images, as JSON.',
  build: 'Builds an image from a Dockerfile and the files next to it (the build context).',
  attach: "Connects your terminal to a running container's input and output.",
  stats: 'Shows live CPU, memory, network and disk use of containers.',
  top: 'Lists the processes running inside a container.',
  cp: 'Copies files between a container and the host.',
  commit: "Creates a new image from a container's changes.",
  diff: "Lists the files added (A), changed (C) or deleted (D) in a container's filesystem.",
  history: 'Shows the layers an image was built from.',
  'volume create': 'Creates a named volume: storage that outlives containers.',
  'volume ls': 'Lists volumes.',
  'volume rm': 'Removes volumes (not while a container uses them).',
  'volume inspect': 'Shows details of volumes as JSON.',
  'volume prune': 'Removes volumes that no container uses.',
  'network create': 'Creates a network; containers on the same user-defined network reach each other by name.',
  'network ls': 'Lists networks.',
  'network rm': 'Removes networks.',
  'network connect': 'Attaches a container to a network.',
  'network disconnect': 'Detaches a container from a network.',
  'container prune': 'Removes all stopped containers.',
  'image prune': 'Removes dangling images (with -a: all images no container uses).',
  'system prune': 'Removes stopped containers, unused networks, dangling images and build cache.',
  'system df': 'Shows how much disk space images, containers and volumes use.',
};

type Explainer = (value: string) => string;

function publishText(v: string): string {
  // [ip:][hostPort:]containerPort[/proto]
  const proto = v.includes('/') ? v.slice(v.lastIndexOf('/') + 1) : 'tcp';
  const body = v.includes('/') ? v.slice(0, v.lastIndexOf('/')) : v;
  const parts = body.startsWith('[') ? [body.slice(0, body.indexOf(']') + 1), ...body.slice(body.indexOf(']') + 2).split(':')] : body.split(':');
  const containerPort = parts[parts.length - 1];
  const hostPort = parts.length >= 2 ? parts[parts.length - 2] : '';
  const ip = parts.length >= 3 ? parts.slice(0, parts.length - 2).join(':') : '';
  const where = ip ? ` on the host address ${ip}` : '';
  const p = `${containerPort}/${proto}`;
  if (!hostPort) return `publishes the container's port ${p} on a free host port that Docker picks${where} (docker port shows which).`;
  const url = proto === 'tcp' && !hostPort.includes('-') ? `, so localhost:${hostPort} on the host reaches the container` : '';
  return `publishes the container's port ${p} on port ${hostPort} of the host${where}${url}.`;
}

function volumeText(v: string): string {
  const parts = v.split(':');
  if (parts.length === 1) return `creates an anonymous volume and mounts it at ${v} in the container.`;
  const [src, dst, mode] = parts;
  const ro = mode && /(^|,)ro(,|$)/.test(mode) ? ' read-only' : '';
  if (src.startsWith('/') || src.startsWith('.') || src.startsWith('~')) return `mounts the host directory ${src}${ro} at ${dst} in the container (a bind mount).`;
  return `mounts the named volume "${src}"${ro} at ${dst} in the container (Docker creates the volume if it does not exist).`;
}

function envText(v: string): string {
  const eq = v.indexOf('=');
  if (eq < 0) return `passes the variable ${v} from your environment into the container.`;
  return `sets the environment variable ${v.slice(0, eq)} to "${v.slice(eq + 1)}" inside the container.`;
}

const RUN_FLAGS: Record<string, Explainer> = {
  detach: () => 'runs the container in the background and prints its ID; without -d your terminal stays attached to its output.',
  publish: publishText,
  'publish-all': () => 'publishes every port the image exposes on free host ports that Docker picks (docker port or docker ps shows which).',
  name: (v) => `names the container "${v}", so later commands can use that name instead of the ID.`,
  rm: () => 'removes the container automatically as soon as it exits.',
  env: envText,
  'env-file': (v) => `sets the environment variables listed in the file ${v} inside the container.`,
  volume: volumeText,
  mount: (v) => `mounts storage into the container (${v}).`,
  interactive: () => "keeps the container's standard input open, so what you type reaches it.",
  tty: () => 'gives the container a terminal (a pseudo-TTY), as interactive shells expect.',
  workdir: (v) => `runs the command in the directory ${v} inside the container.`,
  user: (v) => `runs the command as the user ${v} instead of the image's default user.`,
  network: (v) => `connects the container to the network "${v}" instead of the default bridge network.`,
  restart: (v) => `restart policy "${v}": ${v.startsWith('on-failure') ? 'Docker restarts the container when it exits with an error' : v === 'always' ? 'Docker restarts the container whenever it stops (and when the daemon starts)' : v === 'unless-stopped' ? 'Docker restarts the container unless you stopped it yourself' : 'Docker never restarts the container'}.`,
  entrypoint: (v) => `replaces the image's entrypoint with ${v}.`,
  hostname: (v) => `sets the container's host name to ${v}.`,
  label: (v) => `adds the label ${v} to the container (labels are metadata you can filter on).`,
  expose: (v) => `declares port ${v} as exposed (documentation only: it does not publish the port).`,
  init: () => 'runs a tiny init process as PID 1 that forwards signals and reaps zombie processes.',
  privileged: () => 'gives the container (almost) all the powers of the host: avoid unless you need it.',
  'read-only': () => "mounts the container's root filesystem read-only.",
  memory: (v) => `limits the container's memory to ${v}.`,
  cpus: (v) => `limits the container to ${v} CPUs.`,
  platform: (v) => `uses the image variant for the platform ${v}.`,
  pull: (v) => `pull policy "${v}": ${v === 'always' ? 'always download the image first' : v === 'never' ? 'never download, fail if it is missing' : 'download the image only if it is missing'}.`,
  'add-host': (v) => `adds the line "${v.replace(':', ' ')}" to the container's /etc/hosts.`,
  attach: (v) => `attaches to the container's ${v}.`,
  'stop-signal': (v) => `uses ${v} to ask the container to stop.`,
  'stop-timeout': (v) => `waits ${v} seconds for the container to stop before killing it.`,
};

const COMMAND_FLAGS: Record<string, Record<string, Explainer>> = {
  run: RUN_FLAGS,
  create: RUN_FLAGS,
  exec: {
    detach: () => 'runs the command in the background.',
    interactive: RUN_FLAGS.interactive,
    tty: () => 'gives the command a terminal (a pseudo-TTY).',
    env: envText,
    user: (v) => `runs the command as the user ${v}.`,
    workdir: (v) => `runs the command in the directory ${v} inside the container.`,
  },
  ps: {
    all: () => 'includes stopped containers, not only the running ones.',
    quiet: () => 'prints only the container IDs (handy for scripts).',
    filter: (v) => `shows only the containers matching ${v}.`,
    format: (v) => `prints each container with the Go template ${v}.`,
    last: (v) => `shows the ${v} most recently created containers (in any state).`,
    latest: () => 'shows only the most recently created container (in any state).',
    size: () => 'adds the SIZE column: what each container wrote on top of its image.',
    'no-trunc': () => 'prints IDs and commands in full instead of shortening them.',
  },
  images: {
    all: () => 'includes intermediate images.',
    quiet: () => 'prints only the image IDs.',
    filter: (v) => `shows only the images matching ${v}.`,
    format: (v) => `prints each image with the Go template ${v}.`,
    digests: () => 'adds the DIGEST column.',
    'no-trunc': () => 'prints full image IDs.',
  },
  rm: {
    force: () => 'removes the container even if it is running (it is killed first).',
    volumes: () => 'also removes the anonymous volumes the container used.',
  },
  rmi: {
    force: () => 'removes the image even if a container (stopped) still uses it, or several tags point at it.',
    'no-prune': () => 'keeps untagged parent images.',
  },
  logs: {
    follow: () => 'keeps printing new output as it arrives (Ctrl-C to stop).',
    timestamps: () => 'prefixes every line with the time it was written.',
    tail: (v) => `shows only the last ${v} lines.`,
    since: (v) => `shows only output since ${v}.`,
    until: (v) => `shows only output before ${v}.`,
  },
  stop: {
    timeout: (v) => `waits ${v} seconds (instead of 10) before killing a container that has not stopped.`,
    time: (v) => `waits ${v} seconds (instead of 10) before killing a container that has not stopped.`,
    signal: (v) => `sends ${v} instead of the container's stop signal.`,
  },
  restart: {
    timeout: (v) => `waits ${v} seconds (instead of 10) before killing a container that has not stopped.`,
    time: (v) => `waits ${v} seconds (instead of 10) before killing a container that has not stopped.`,
    signal: (v) => `sends ${v} to stop the container.`,
  },
  kill: { signal: (v) => `sends the signal ${v} instead of SIGKILL.` },
  start: {
    attach: () => "attaches your terminal to the container's output (and waits until it exits).",
    interactive: () => "attaches your terminal's input to the container.",
  },
  pull: {
    'all-tags': () => 'downloads every tag of the repository.',
    quiet: () => 'prints only the image name when done, without progress.',
    platform: (v) => `downloads the variant for the platform ${v}.`,
  },
  build: {
    tag: (v) => `names the resulting image ${v}.`,
    file: (v) => `reads the instructions from ${v} instead of ./Dockerfile.`,
    'no-cache': () => 'rebuilds every step instead of reusing cached layers.',
  },
};

/** Words of the usage line that name positional arguments: IMAGE, [COMMAND], [ARG...]. */
function argNames(path: string): { name: string; repeat: boolean }[] {
  const usage = usageLine(path).replace(/^docker\s+/, '');
  return [...usage.matchAll(/\[?([A-Z][A-Z_|]*(?:\[:TAG\|@DIGEST\])?)(\.\.\.)?\]?(\.\.\.)?/g)]
    .filter((m) => m[1] !== 'OPTIONS')
    .map((m) => ({ name: m[1], repeat: !!(m[2] || m[3]) }));
}

function quote(word: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function flagMeaning(cmd: string, path: string, spec: FlagSpec, value: string | undefined, seen: Set<string>): string {
  seen.add(spec.long);
  const table = COMMAND_FLAGS[cmd];
  const fn = table?.[spec.long];
  if (fn) return fn(value ?? '');
  const desc = flagDescriptions(path).get(spec.long);
  const base = desc ? desc.replace(/\s*\(default [^)]*\)$/, '') : `the --${spec.long} option`;
  return value !== undefined && spec.kind !== 'bool' ? `${base}: ${value}.` : `${base.replace(/\.$/, '')}.`;
}

function positionalMeaning(cmd: string, name: string, word: string): string {
  const clean = name.replace(/\[.*$/, '');
  if (clean === 'IMAGE') return `the image "${word}"${word.includes(':') || word.includes('@') ? '' : ' (tag latest)'}.`;
  if (clean === 'CONTAINER') return `the container "${word}" (a name or an ID).`;
  if (clean === 'COMMAND') return `the command to run inside the container${cmd === 'exec' ? '' : ", instead of the image's default"}.`;
  if (clean === 'ARG') return 'an argument of that command.';
  if (clean === 'SOURCE_IMAGE') return `the existing image "${word}".`;
  if (clean === 'TARGET_IMAGE') return `the new name "${word}".`;
  if (clean === 'NEW_NAME') return `the new name "${word}".`;
  if (clean === 'PRIVATE_PORT') return `the container port ${word}.`;
  return `${clean.toLowerCase().replace(/_/g, ' ')} "${word}".`;
}

/** A structured explanation of one command line. */
export function explainCommand(commandLine: string | string[]): Explanation {
  let argv: string[];
  try {
    argv = toArgv(commandLine);
  } catch (e) {
    if (e instanceof CommandLineError) return { command: 'docker', summary: 'This is not a single docker command.', parts: [], problems: [e.message] };
    throw e;
  }
  const parts: ExplainedPart[] = [];
  const problems: string[] = [];
  // Global options such as --debug come before the command; they are rare in exercises.
  let i = 0;
  while (i < argv.length && argv[i].startsWith('-')) {
    parts.push({ text: argv[i], meaning: 'a global option of the docker client.' });
    i++;
  }
  const resolved = resolveCommandPath(argv.slice(i));
  if (!resolved) {
    if (i >= argv.length) return { command: 'docker', summary: 'Prints the list of Docker commands.', parts, problems };
    return { command: `docker ${argv[i]}`, summary: `"${argv[i]}" is not a docker command.`, parts, problems: [`docker: unknown command: docker ${argv[i]}`] };
  }
  const { path, used } = resolved;
  const cmd = canonical(path);
  const summary = SUMMARIES[cmd] ?? `${commandSummary(path) ?? path}.`.replace(/\.\.$/, '.');
  const rest = argv.slice(i + used);
  const specs = flagSpecs(path);
  const byLong = new Map(specs.map((s) => [s.long, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const stopAtPositional = ['run', 'create', 'exec'].includes(cmd);
  const positionals: string[] = [];
  const seen = new Set<string>();
  let j = 0;
  while (j < rest.length) {
    const w = rest[j++];
    if (w === '--') { positionals.push(...rest.slice(j)); break; }
    if (w.length < 2 || w[0] !== '-') {
      positionals.push(w);
      if (stopAtPositional) { positionals.push(...rest.slice(j)); break; }
      continue;
    }
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = w.slice(2, eq >= 0 ? eq : undefined);
      const spec = byLong.get(name);
      if (!spec) {
        if (name === 'help') { parts.push({ text: w, meaning: 'prints the help of this command instead of running it.' }); continue; }
        problems.push(`unknown flag: --${name}`);
        parts.push({ text: w, meaning: `not an option of docker ${path}: Docker would refuse the command.` });
        continue;
      }
      let value: string | undefined;
      let text = w;
      if (eq >= 0) value = w.slice(eq + 1);
      else if (spec.kind !== 'bool') {
        if (j >= rest.length) { problems.push(`flag needs an argument: ${w}`); parts.push({ text: w, meaning: 'needs a value, and none was given.' }); continue; }
        value = rest[j++];
        text = `${w} ${quote(value)}`;
      }
      parts.push({ text, meaning: flagMeaning(cmd, path, spec, value, seen) });
      continue;
    }
    // Shorthand group: -it, -p8080:80, -p 8080:80.
    let letters = w.slice(1);
    const group = letters.length > 1;
    while (letters.length > 0) {
      const c = letters[0];
      const spec = byShort.get(c);
      if (!spec) {
        if (c === 'h') { parts.push({ text: '-h', meaning: 'prints the help of this command instead of running it.' }); letters = letters.slice(1); continue; }
        problems.push(`unknown shorthand flag: '${c}' in -${letters}`);
        parts.push({ text: `-${c}`, meaning: `not an option of docker ${path}: Docker would refuse the command.` });
        letters = letters.slice(1);
        continue;
      }
      if (spec.kind === 'bool') {
        parts.push({ text: group ? `-${c} (in ${w})` : w, meaning: flagMeaning(cmd, path, spec, undefined, seen) });
        letters = letters.slice(1);
        continue;
      }
      let value: string;
      let text: string;
      if (letters.length > 1) { value = letters.slice(1).replace(/^=/, ''); text = `-${letters}`; }
      else if (j < rest.length) { value = rest[j++]; text = `-${c} ${quote(value)}`; }
      else { problems.push(`flag needs an argument: '${c}' in -${c}`); parts.push({ text: `-${c}`, meaning: 'needs a value, and none was given.' }); break; }
      parts.push({ text, meaning: flagMeaning(cmd, path, spec, value, seen) });
      letters = '';
    }
  }
  // Positional arguments, named after the usage line.
  const names = argNames(path);
  let k = 0;
  for (let p = 0; p < positionals.length; p++) {
    const spec = names[Math.min(k, names.length - 1)];
    if (!spec) { parts.push({ text: quote(positionals[p]), meaning: 'an extra argument this command does not take.' }); continue; }
    if ((cmd === 'run' || cmd === 'create' || cmd === 'exec') && spec.name === 'COMMAND') {
      const words = positionals.slice(p).map(quote).join(' ');
      parts.push({ text: words, meaning: positionalMeaning(cmd, 'COMMAND', words) });
      break;
    }
    parts.push({ text: quote(positionals[p]), meaning: positionalMeaning(cmd, spec.name, positionals[p]) });
    if (!spec.repeat) k++;
  }
  if ((cmd === 'run' || cmd === 'create' || cmd === 'exec') && seen.has('interactive') && seen.has('tty')) {
    parts.push({ text: '-it', meaning: 'together, -i and -t give you an interactive terminal session inside the container.' });
  }
  return { command: `docker ${path}`, summary, parts, problems };
}

/** A short plain-English explanation of what a docker command line does. */
export function explain(commandLine: string | string[]): string {
  const e = explainCommand(commandLine);
  const width = Math.min(24, Math.max(0, ...e.parts.map((p) => p.text.length)));
  const lines = [`${e.command}: ${e.summary}`];
  for (const p of e.parts) {
    lines.push(`  ${p.text.padEnd(width)}  ${p.meaning.charAt(0).toUpperCase()}${p.meaning.slice(1)}`);
  }
  for (const p of e.problems) lines.push(`Problem: ${p}`);
  return lines.join('\n');
}
