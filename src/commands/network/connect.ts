// docker network connect / disconnect NETWORK CONTAINER.
import { type CommandDef, flagList, flagString } from '../../cli/command.js';
import { connectNetwork, disconnectNetwork } from '../../engine/networks/attach.js';
import { getNetwork } from '../../engine/networks/networks.js';

export const networkConnectCommand: CommandDef = {
  invocations: ['network connect'],
  args: { kind: 'exact', n: 2 },
  run(ctx, [netRef, containerRef]) {
    const c = ctx.d.getContainer(containerRef);
    const n = getNetwork(ctx.d, netRef);
    connectNetwork(ctx.d, c, n, { aliases: flagList(ctx, 'alias'), ip: flagString(ctx, 'ip') });
  },
};

export const networkDisconnectCommand: CommandDef = {
  invocations: ['network disconnect'],
  args: { kind: 'exact', n: 2 },
  run(ctx, [netRef, containerRef]) {
    const c = ctx.d.getContainer(containerRef);
    const n = getNetwork(ctx.d, netRef);
    disconnectNetwork(ctx.d, c, n);
  },
};
