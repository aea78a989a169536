// docker port CONTAINER [PRIVATE_PORT[/PROTO]]
import { CliError, type CommandDef } from '../../cli/command.js';
import { naturalCompare } from '../../format/strings.js';

function joinHostPort(ip: string, port: string): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export const portCommand: CommandDef = {
  invocations: ['port', 'container port'],
  args: { kind: 'range', min: 1, max: 2 },
  readOnly: true,
  run(ctx, [ref, wanted]) {
    const c = ctx.d.getContainer(ref);
    if (wanted !== undefined) {
      const [portText, proto = 'tcp'] = wanted.split('/', 2);
      if (!/^\d+$/.test(portText) || Number(portText) > 65535) {
        throw new CliError(`Error: invalid port (${portText}): strconv.ParseUint: parsing ${JSON.stringify(portText)}: ${/^\d+$/.test(portText) ? 'value out of range' : 'invalid syntax'}`, 1);
      }
      const bindings = c.ports[`${Number(portText)}/${proto}`];
      if (bindings && bindings.length) {
        // The CLI sorts these too (so IPv4 addresses come before IPv6 ones).
        const lines = bindings.map((b) => joinHostPort(b.HostIp, b.HostPort)).sort(naturalCompare);
        for (const l of lines) ctx.out(`${l}\n`);
        return 0;
      }
      throw new CliError(`Error: No public port '${wanted}' published for ${ref}`, 1);
    }
    const lines: string[] = [];
    for (const [key, bindings] of Object.entries(c.ports)) {
      for (const b of bindings ?? []) lines.push(`${key} -> ${joinHostPort(b.HostIp, b.HostPort)}`);
    }
    lines.sort(naturalCompare);
    for (const l of lines) ctx.out(`${l}\n`);
  },
};
