// The simulated userland of containers: shells, the common tools (busybox or GNU flavour) and
// the services of the catalogue's images.
export { startProcess, runProgram, COMMANDS } from './process.js';
export { reactToSignal, applyExitEffects, HELLO_TEXT, nginxTime, redisTime } from './services/index.js';
export type { ServiceBehaviourEx, SignalReactionEx, ServiceExtras } from './services/index.js';
export { KERNEL_RELEASE, KERNEL_VERSION, MACHINE, NCPU, MEM_TOTAL_KB, flavorOf } from './context.js';
export type { Flavor, ShellKind, ProcessRequestExtras } from './context.js';
export type * from './types.js';
