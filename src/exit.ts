/**
 * Ends the process once stdout and stderr have taken everything written to them. Both entry points end this way
 * rather than waiting for the event loop to empty: nothing a run leaves behind (a socket, a timer) may keep a job
 * waiting. It cannot end a lookup of the system resolver (getaddrinfo) still running in one of libuv's worker
 * threads: the exit waits for those, which is why host names are resolved within the deadline (http/resolve.ts).
 */
export async function exitWhenFlushed(code?: number): Promise<never> {
  await Promise.all(
    [process.stdout, process.stderr].map(stream => new Promise<void>(resolve => stream.write('', () => resolve())))
  )
  // process.exit(undefined) exits 0 on Node 20, whatever process.exitCode says.
  return process.exit(code ?? process.exitCode)
}
