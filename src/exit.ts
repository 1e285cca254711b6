/**
 * Ends the process once stdout and stderr have taken everything written to them. Both entry points end this way
 * rather than waiting for the event loop to empty: a name lookup by the system resolver cannot be cancelled, and
 * when no DNS server answers it holds the process for the resolver's own timeout (10 s or more) after the step's
 * deadline has already failed it. Nothing a run leaves behind may keep a job waiting.
 */
export async function exitWhenFlushed(code?: number): Promise<never> {
  await Promise.all(
    [process.stdout, process.stderr].map(stream => new Promise<void>(resolve => stream.write('', () => resolve())))
  )
  // process.exit(undefined) exits 0 on Node 20, whatever process.exitCode says.
  return process.exit(code ?? process.exitCode)
}
