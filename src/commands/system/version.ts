// docker version / docker --version: the client and the (simulated) engine we present as,
// the Docker 28 pair this emulator is recorded against.
import { CliError, type CommandDef, flagString } from '../../cli/command.js';
import { tabwrite } from '../../format/tabwriter.js';
import { TemplateFailure } from '../../format/template-bridge.js';
import { asStruct, parseTemplate, TemplateExecError, TemplateParseError, dockerFuncs } from '../../format/template/index.js';

export const CLIENT_VERSION_LINE = 'Docker version 28.2.2, build e6534b4';

export const VERSION_INFO = {
  Client: {
    Version: '28.2.2', APIVersion: '1.50', DefaultAPIVersion: '1.50', GitCommit: 'e6534b4', GoVersion: 'go1.24.3',
    Os: 'linux', Arch: 'amd64', BuildTime: 'Fri May 30 12:07:14 2025', Context: 'default',
  },
  Server: {
    Platform: { Name: '' },
    Components: [
      { Name: 'Engine', Version: '28.5.2+dfsg4', Details: { ApiVersion: '1.51', Arch: 'amd64', BuildTime: 'Tue Sep 15 11:02:57 2026', Experimental: 'false', GitCommit: '3ef3c07c883be49a2e8097bcf6d2952fce1d70eb', GoVersion: 'go1.27.1', KernelVersion: '6.1.0-0-amd64', MinAPIVersion: '1.24', Os: 'linux' } },
      { Name: 'containerd', Version: '2.1.9+unknown', Details: { GitCommit: '' } },
      { Name: 'runc', Version: '1.1.5+ds1', Details: { GitCommit: '1.1.5+ds1-1+deb12u1' } },
      { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: '' } },
    ],
    Version: '28.5.2+dfsg4', APIVersion: '1.51', MinAPIVersion: '1.24', GitCommit: '3ef3c07c883be49a2e8097bcf6d2952fce1d70eb',
    GoVersion: 'go1.27.1', Os: 'linux', Arch: 'amd64', KernelVersion: '6.1.0-0-amd64', Experimental: false, BuildTime: '2026-09-15T11:02:57.000000000+00:00',
  },
};

/**
 * What `version --format` sees: the CLI's Go structs. The client's Platform is a nil pointer
 * (printed <nil>, left out of JSON); the server's is a struct; components are structs
 * ({Engine 28.5.2 map[…]}); APIVersion is written "ApiVersion" in JSON and Experimental only
 * when true (observed with CLI 28.2.2).
 */
function versionData(): object {
  const { Client: c, Server: sv } = VERSION_INFO;
  const client = asStruct({ Platform: null, ...c }, 'system.clientVersion', { Platform: 'Platform,omitempty', APIVersion: 'ApiVersion' });
  const server = asStruct({
    ...sv,
    Platform: asStruct({ ...sv.Platform }, 'struct { Name string }'),
    Components: sv.Components.map((comp) => asStruct({ ...comp, Details: { ...comp.Details } }, 'types.ComponentVersion', { Details: 'Details,omitempty' })),
  }, '*types.Version', { APIVersion: 'ApiVersion', Experimental: 'Experimental,omitempty' });
  return asStruct({ Client: client, Server: server }, 'system.versionInfo');
}

function defaultText(): string {
  const c = VERSION_INFO.Client;
  let s = 'Client:\n';
  s += ` Version:\t${c.Version}\n API version:\t${c.APIVersion}\n Go version:\t${c.GoVersion}\n Git commit:\t${c.GitCommit}\n Built:\t${c.BuildTime}\n OS/Arch:\t${c.Os}/${c.Arch}\n Context:\t${c.Context}\n\n`;
  s += 'Server:\n';
  for (const comp of VERSION_INFO.Server.Components) {
    s += ` ${comp.Name}:\n`;
    if (comp.Name === 'Engine') {
      const d = comp.Details as Record<string, string>;
      s += `  Version:\t${comp.Version}\n  API version:\t${d.ApiVersion} (minimum version ${d.MinAPIVersion})\n  Go version:\t${d.GoVersion}\n  Git commit:\t${d.GitCommit}\n  Built:\t${d.BuildTime}\n  OS/Arch:\t${d.Os}/${d.Arch}\n  Experimental:\t${d.Experimental}\n`;
    } else {
      s += `  Version:\t${comp.Version}\n`;
      for (const k of Object.keys(comp.Details).sort()) s += `  ${k}:\t${(comp.Details as Record<string, string>)[k]}\n`;
    }
  }
  // Every label is tab-terminated, so even an empty value is padded (trailing spaces kept).
  return tabwrite(s.replace(/\t\n/g, '\t\x00\n'), { minWidth: 20, padding: 1 }).replace(/\x00/g, '');
}

export const versionCommand: CommandDef = {
  invocations: ['version'],
  args: { kind: 'none' },
  readOnly: true,
  run(ctx) {
    const format = flagString(ctx, 'format');
    if (format === undefined || format === '') { ctx.out(defaultText()); return 0; }
    const tmpl = format === 'json' ? '{{json .}}' : format;
    let t;
    try {
      t = parseTemplate(tmpl.replace(/\\t/g, '\t').replace(/\\n/g, '\n'), dockerFuncs, { name: 'version' });
    } catch (e) {
      if (e instanceof TemplateParseError) throw new CliError(new TemplateFailure('parse', e.message).dockerMessage('version-parse'), 64);
      throw e;
    }
    const data = versionData();
    try {
      ctx.out(`${t.execute(data)}\n`);
    } catch (e) {
      // The CLI prints what the template wrote before the error, and its newline.
      if (e instanceof TemplateExecError) { ctx.out(`${e.partial}\n`); throw new CliError(e.message, 1); }
      throw e;
    }
  },
};
