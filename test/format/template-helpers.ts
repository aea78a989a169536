// Shared fixtures for the Go template tests.
import {
  asMap,
  asSlice,
  asStruct,
  dockerFuncs,
  goFunc,
  goNil,
  parseTemplate,
  TemplateExecError,
  TemplateParseError,
} from '../../src/format/template/index.js';
import type { ExecuteOptions, FuncMap } from '../../src/format/template/index.js';

/**
 * The data `docker version --format` executes on (Docker 28.2.2 client), reduced to the
 * client part, so that messages observed from the real CLI can be compared byte for byte.
 */
export function versionInfo(): object {
  const client = asStruct(
    {
      Platform: goNil('*system.platformInfo'),
      Version: '28.2.2',
      APIVersion: '1.50',
      DefaultAPIVersion: '1.50',
      GitCommit: 'e6534b4',
      GoVersion: 'go1.24.3',
      Os: 'linux',
      Arch: 'amd64',
      BuildTime: 'Fri May 30 12:07:14 2025',
      Context: 'default',
    },
    'system.clientVersion',
  );
  return asStruct({ Client: client, Server: goNil('*types.Version') }, 'system.versionInfo');
}

/** Runs a template the way `docker version --format` does (template name "version"). */
export function dockerVersion(text: string): string {
  return outcome(text, versionInfo(), dockerFuncs, 'version');
}

/**
 * "OUT: <output>", "PARSE: <message>" or "EXEC: <partial output>|<message>", so that one
 * expected string covers each kind of result.
 */
export function outcome(text: string, data: unknown, funcs: FuncMap = dockerFuncs, name = '', opts?: ExecuteOptions): string {
  let t;
  try {
    t = parseTemplate(text, funcs, { name });
  } catch (e) {
    if (e instanceof TemplateParseError) return 'PARSE: ' + e.message;
    throw e;
  }
  try {
    return 'OUT: ' + t.execute(data, opts);
  } catch (e) {
    if (e instanceof TemplateExecError) return 'EXEC: ' + (e.partial ? e.partial + '|' : '') + e.message;
    throw e;
  }
}

/** A row like Docker's *formatter.ContainerContext: methods, some with arguments. */
export function containerRow(id: string, image: string): object {
  const labels: Record<string, string> = { 'com.example.a': '1', maintainer: 'me' };
  return asStruct(
    {
      ID: () => id,
      Image: () => image,
      Names: () => 'web',
      Label: goFunc((k: string) => labels[k] ?? '', { params: ['string'] }),
      Labels: () => Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(','),
      Ports: () => '',
    },
    '*formatter.ContainerContext',
  );
}

export { asMap, asSlice, asStruct, goNil };
