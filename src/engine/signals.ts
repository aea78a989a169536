// Linux signals by name, as the daemon and the simulated shells read them.

export const SIGNALS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9,
  SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGSTKFLT: 16, SIGCHLD: 17,
  SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25,
  SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPWR: 30, SIGSYS: 31,
};

/** "TERM", "sigterm", "15", "SIGRTMIN+3" → "SIGTERM" (undefined if not a signal). */
export function normalizeSignal(raw: string): string | undefined {
  if (/^\d+$/.test(raw)) {
    const n = Number(raw);
    const name = Object.keys(SIGNALS).find((k) => SIGNALS[k] === n);
    return name ?? (n > 0 && n <= 64 ? `SIG${n}` : undefined);
  }
  const up = raw.toUpperCase();
  const name = up.startsWith('SIG') ? up : `SIG${up}`;
  return SIGNALS[name] !== undefined ? name : undefined;
}
