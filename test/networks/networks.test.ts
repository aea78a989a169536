// network create/ls/inspect/rm/connect/disconnect/prune and `run --network`, against texts and
// allocations observed on Engine 28.5.2.
import { describe, expect, it } from 'vitest';
import { Session } from '../volumes/session.js';

describe('network create', () => {
  const s = new Session();
  it('allocates subnets first-fit from the default pools', () => {
    const n1 = s.ok('network create n1').trim();
    expect(n1).toMatch(/^[0-9a-f]{64}$/);
    s.ok('network create n2');
    s.ok('network rm n1');
    s.ok('network create n3');
    s.ok('network create --subnet 172.20.0.0/16 n4');
    s.ok('network create n5');
    s.ok('network create --subnet 10.5.0.0/16 n6');
    const cfg = (n: string) => s.ok(`network inspect -f "{{json .IPAM.Config}}" ${n}`).trim();
    expect(cfg('n2')).toBe('[{"Subnet":"172.19.0.0/16","Gateway":"172.19.0.1"}]');
    expect(cfg('n3')).toBe('[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]');
    expect(cfg('n4')).toBe('[{"Subnet":"172.20.0.0/16"}]');
    expect(cfg('n5')).toBe('[{"Subnet":"172.21.0.0/16","Gateway":"172.21.0.1"}]');
    expect(cfg('n6')).toBe('[{"Subnet":"10.5.0.0/16"}]');
  });
  it('reports the CLI and daemon errors', () => {
    const err = (line: string) => s.run(line).stderr;
    expect(err('network create n2')).toBe('Error response from daemon: network with name n2 already exists\n');
    expect(err('network create -d nosuch x')).toBe('Error response from daemon: plugin "nosuch" not found\n');
    expect(err('network create -d host x')).toBe('Error response from daemon: only one instance of "host" network is allowed\n');
    expect(err('network create --subnet 10.5.0.0/24 x')).toBe('Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n');
    expect(err('network create --subnet bad x')).toBe('Error response from daemon: invalid network config:\ninvalid subnet bad: invalid CIDR block notation\n');
    expect(err('network create --subnet 10.10.0.5/24 x')).toBe('Error response from daemon: invalid network config:\ninvalid subnet 10.10.0.5/24: it should be 10.10.0.0/24\n');
    expect(err('network create --gateway 10.0.0.1 x')).toBe('every ip-range or gateway must have a corresponding subnet\n');
    expect(err('network create --subnet 10.6.0.0/16 --gateway 10.7.0.1 x')).toBe('no matching subnet for gateway 10.7.0.1\n');
    expect(err('network create --subnet 10.9.0.0/24 --subnet 10.9.1.0/24 x')).toBe("Error response from daemon: bridge driver doesn't support multiple subnets\n");
    expect(err('network create --subnet 10.11.0.0/24 --gateway 10.11.0.0 x')).toBe('Error response from daemon: failed to allocate gateway (10.11.0.0): Address already in use\n');
  });
});

describe('network ls', () => {
  const s = new Session();
  s.ok('network create b-net');
  s.ok('network create --label a=b --internal a-net');
  it('sorts by name and filters like the daemon', () => {
    const names = (args: string) => s.ok(`network ls ${args} --format "{{.Name}}"`).trim().split('\n');
    expect(names('')).toEqual(['a-net', 'b-net', 'bridge', 'host', 'none']);
    expect(names('-f type=custom')).toEqual(['a-net', 'b-net']);
    expect(names('-f type=builtin')).toEqual(['bridge', 'host', 'none']);
    expect(names('-f driver=null')).toEqual(['none']);
    expect(names('-f label=a=b')).toEqual(['a-net']);
    expect(names('-f name=^b')).toEqual(['b-net', 'bridge']);
    expect(names('-f dangling=true')).toEqual(['a-net', 'b-net']);
    expect(s.run('network ls -f type=foo').stderr).toBe("Error response from daemon: invalid filter: 'type'='foo'\n");
    expect(s.run('network ls -f dangling=x').stderr).toBe('Error response from daemon: invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")\n');
  });
  it('prints the default table and its fields', () => {
    const out = s.ok('network ls');
    expect(out.split('\n')[0]).toBe('NETWORK ID     NAME      DRIVER    SCOPE');
    expect(s.ok('network ls -f name=a-net --format "{{.IPv6}} {{.IPv4}} {{.Internal}} {{.Labels}}"')).toBe('false true true a=b\n');
    expect(s.ok('network ls -f name=a-net --format "{{.CreatedAt}}"')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC\n$/);
    expect(s.ok('network ls -q --no-trunc').split('\n')[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('containers on networks', () => {
  const s = new Session();
  s.ok('pull busybox');
  s.ok('network create n1');
  const c1 = s.ok('run -d --name c1 --network n1 busybox sleep 300').trim();
  const c2 = s.ok('run -d --name c2 busybox sleep 300').trim();
  s.ok('run -d --name c3 --network host busybox sleep 300');
  s.ok('run -d --name c4 --network none busybox sleep 300');
  it('gives containers addresses from their network', () => {
    const eps = JSON.parse(s.ok('network inspect -f "{{json .Containers}}" n1'));
    expect(Object.keys(eps)).toEqual([c1]);
    expect(eps[c1].Name).toBe('c1');
    expect(eps[c1].IPv4Address).toBe('172.18.0.2/16');
    expect(JSON.parse(s.ok('network inspect -f "{{json .Containers}}" bridge'))[c2].IPv4Address).toBe('172.17.0.2/16');
    const host = Object.values(JSON.parse(s.ok('network inspect -f "{{json .Containers}}" host'))) as { IPv4Address: string; Name: string }[];
    expect(host.map((e) => [e.Name, e.IPv4Address])).toEqual([['c3', '']]);
  });
  it('fails to start a container on a missing network', () => {
    const r = s.run('run --name c5 --network nosuch busybox true');
    expect(r.stderr).toBe("docker: Error response from daemon: failed to set up container networking: network nosuch not found\n\nRun 'docker run --help' for more information\n");
    expect(r.exitCode).toBe(125);
    expect(s.ok('ps -a -q -f name=c5')).not.toBe('');
  });
  it('refuses to remove a network with active endpoints', () => {
    const r = s.run('network rm n1');
    expect(r.stderr).toMatch(/^Error response from daemon: error while removing network: network n1 has active endpoints \(name:"c1" id:"[0-9a-f]{12}"\)\nexit status 1\n$/);
    expect(s.run('network rm bridge').stderr).toBe('Error response from daemon: bridge is a pre-defined network and cannot be removed\nexit status 1\n');
    expect(s.run('network rm -f nosuch').exitCode).toBe(0);
  });
  it('connects and disconnects with the daemon errors', () => {
    const err = (line: string) => s.run(line).stderr;
    expect(err('network connect n1 c1')).toBe('Error response from daemon: endpoint with name c1 already exists in network n1\n');
    expect(err('network connect nosuch c2')).toBe('Error response from daemon: network nosuch not found\n');
    expect(err('network connect n1 nosuch')).toBe('Error response from daemon: No such container: nosuch\n');
    expect(err('network connect host c2')).toBe('Error response from daemon: cannot connect container to host network - container must be created in host network mode\n');
    expect(err('network connect n1 c3')).toBe('Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network\n');
    expect(err('network connect n1 c4')).toBe('Error response from daemon: container cannot be connected to multiple networks with one of the networks in private (none) mode\n');
    expect(s.run('network connect n1 c2').exitCode).toBe(0);
    expect(JSON.parse(s.ok('network inspect -f "{{json .Containers}}" n1'))[c2].IPv4Address).toBe('172.18.0.3/16');
    expect(err('network disconnect bridge c1')).toBe(`Error response from daemon: container ${c1} is not connected to network bridge\n`);
    expect(s.run('network disconnect n1 c2').exitCode).toBe(0);
    expect(s.ok('network inspect -f "{{len .Containers}}" n1')).toBe('1\n');
  });
  it('prunes networks without running containers', () => {
    s.ok('network create idle');
    const r = s.run('network prune');
    expect(r.stdout).toBe('WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ');
    expect(s.ok('network prune -f')).toBe('Deleted Networks:\nidle\n\n');
    expect(s.ok('network prune -f')).toBe('');
    s.ok('rm -f c1');
    expect(s.ok('network prune -f')).toBe('Deleted Networks:\nn1\n\n');
  });
  it('records connect and disconnect events', () => {
    const out = s.ok(`events --since ${Math.floor(NOW_S)} --until ${Math.floor(s.now / 1000) + 1} -f type=network -f event=connect --format "{{.Actor.Attributes.name}}"`);
    expect(out.split('\n').filter(Boolean)).toEqual(['n1', 'bridge', 'host', 'none', 'n1']);
  });
});

const NOW_S = Date.UTC(2026, 10, 28, 3, 0, 0) / 1000;

describe('run network modes', () => {
  const s = new Session();
  it('takes --net and --net-alias as hidden synonyms of --network and --network-alias', () => {
    s.ok('network create nm1');
    s.ok('run -d --name na --net nm1 --net-alias web busybox sleep 300');
    expect(s.ok('inspect -f "{{.HostConfig.NetworkMode}} {{.NetworkSettings.Networks.nm1.Aliases}}" na')).toBe('nm1 [web]\n');
  });
  it('warns that host mode discards published ports, and binds none', () => {
    const r = s.run('run -d --name hp --net=host -p 80:80 busybox sleep 300');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('WARNING: Published ports are discarded when using host network mode\n');
    expect(s.ok('inspect -f "{{json .NetworkSettings.Ports}} {{json .HostConfig.PortBindings}}" hp')).toBe('{} {"80/tcp":[{"HostIp":"","HostPort":"80"}]}\n');
    expect(s.ok('port hp')).toBe('');
    expect(s.run('run --rm --network host --expose 80 busybox true').stderr).toBe('');
  });
  it('joins another container\'s namespace only if it runs', () => {
    const nosuch = s.run('run --rm --network container:nosuch busybox true');
    expect(nosuch.exitCode).toBe(125);
    expect(nosuch.stderr).toBe("docker: Error response from daemon: joining network namespace of container: No such container: nosuch\n\nRun 'docker run --help' for more information\n");
    s.ok('create --name stopped busybox true');
    expect(s.run('run --rm --network container:stopped busybox true').stderr).toContain('cannot join network namespace of a non running container: container stopped is created\n');
    expect(s.run('run --rm --network container:na busybox true').exitCode).toBe(0);
    s.ok('create --name joiner --network container:nosuch busybox true');
    const start = s.run('start joiner');
    expect(start.stderr).toBe('Error response from daemon: joining network namespace of container: No such container: nosuch\nError: failed to start containers: joiner\n');
    expect(s.ok('inspect -f "{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}" joiner')).toBe('created 128 joining network namespace of container: No such container: nosuch\n');
  });
  it('refuses ports for a container that shares a network namespace', () => {
    expect(s.run('create --network container:na -p 80:80 busybox').stderr).toBe('Error response from daemon: conflicting options: port publishing and the container type network mode\n');
    expect(s.run('create --network container:na --expose 80 busybox').stderr).toBe('Error response from daemon: conflicting options: port exposing and the container type network mode\n');
  });
});
