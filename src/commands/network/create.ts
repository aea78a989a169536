// docker network create: the CLI consolidates --subnet/--ip-range/--gateway (its own errors,
// without the daemon prefix), then the daemon allocates or checks the subnet.
import { CliError, type CommandDef, flagBool, flagList, flagString } from '../../cli/command.js';
import { parseLabels } from '../container/create-options.js';
import { parseOpts } from '../volume/create.js';
import { createNetwork } from '../../engine/networks/networks.js';
import { contains, parseCidr, parseIp } from '../../engine/networks/ipv4.js';

type IpamEntry = { Subnet: string; IPRange?: string; Gateway?: string };

/** Does `addr` (an IP or a CIDR) fall inside `subnet`? Unparsable subnets are the CLI's error. */
function subnetMatches(subnet: string, addr: string): boolean {
  if (subnet.includes(':') || addr.includes(':')) return subnet.split('/')[0].split('::')[0] === addr.split('/')[0].split('::')[0];
  const s = parseCidr(subnet);
  if (!s) throw new CliError(`invalid CIDR address: ${subnet}`, 1);
  const ip = addr.includes('/') ? parseCidr(addr)?.cidr.base : parseIp(addr);
  if (ip === undefined) throw new CliError(`invalid CIDR address: ${addr}`, 1);
  return contains(s.cidr, ip);
}

export function consolidateIpam(subnets: string[], ranges: string[], gateways: string[]): IpamEntry[] {
  if (subnets.length < ranges.length || subnets.length < gateways.length) {
    throw new CliError('every ip-range or gateway must have a corresponding subnet', 1);
  }
  const data = new Map<string, IpamEntry>();
  for (const s of subnets) {
    for (const k of data.keys()) {
      if (subnetMatches(s, k) || subnetMatches(k, s)) throw new CliError('multiple overlapping subnet configuration is not supported', 1);
    }
    data.set(s, { Subnet: s });
  }
  for (const r of ranges) {
    let match = false;
    for (const s of subnets) {
      if (!subnetMatches(s, r)) continue;
      const e = data.get(s)!;
      if (e.IPRange) throw new CliError(`cannot configure multiple ranges (${r}, ${e.IPRange}) on the same subnet (${s})`, 1);
      e.IPRange = r;
      match = true;
    }
    if (!match) throw new CliError(`no matching subnet for range ${r}`, 1);
  }
  for (const g of gateways) {
    let match = false;
    for (const s of subnets) {
      if (!subnetMatches(s, g)) continue;
      const e = data.get(s)!;
      if (e.Gateway) throw new CliError(`cannot configure multiple gateways (${g}, ${e.Gateway}) for the same subnet (${s})`, 1);
      e.Gateway = g;
      match = true;
    }
    if (!match) throw new CliError(`no matching subnet for gateway ${g}`, 1);
  }
  return [...data.values()];
}

export const networkCreateCommand: CommandDef = {
  invocations: ['network create'],
  args: { kind: 'exact', n: 1 },
  run(ctx, [name]) {
    const ipam = consolidateIpam(flagList(ctx, 'subnet'), flagList(ctx, 'ip-range'), flagList(ctx, 'gateway'));
    const n = createNetwork(ctx.d, {
      name,
      driver: flagString(ctx, 'driver') ?? 'bridge',
      ipam,
      internal: flagBool(ctx, 'internal'),
      attachable: flagBool(ctx, 'attachable'),
      ipv6: flagBool(ctx, 'ipv6'),
      labels: parseLabels(flagList(ctx, 'label')),
      options: parseOpts(flagList(ctx, 'opt')),
    });
    ctx.out(`${n.id}\n`);
  },
};
