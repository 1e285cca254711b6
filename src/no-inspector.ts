/**
 * Keeps SIGUSR1 from opening Node's inspector; every entry point calls it first. Node opens its inspector
 * (127.0.0.1:9229) when the process receives SIGUSR1, and from there the heap can be read: the password, the Basic
 * string, the token. `token-mint exec` runs a command that can signal its parent (`kill -USR1 $PPID`) even when the
 * password never reached its environment. A listener of our own replaces Node's handler (checked on Node 20 and
 * 24): the signal is then ignored. `--disable-sigusr1` would do the same, but the runner starts the action as
 * `node dist/index.js`, with no flags, and Node 20 does not have it. A function rather than code run on import: the
 * bundle drops imports whose exports nothing reads.
 */
export function refuseInspectorSignal(): void {
  process.on('SIGUSR1', () => undefined)
}
