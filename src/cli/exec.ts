import { spawn, type ChildProcess } from 'node:child_process'
import { constants } from 'node:os'
import { providers } from '../providers/index.js'
import type { Provider } from '../providers/provider.js'
import type { OutputRelay } from './command-output.js'

// `token-mint exec` hands over to the command the way a shell does: the same stdio, its exit code as ours
// (128 + N when signal N ended it, 127 when it is not found, 126 when it cannot be started), and the signals a
// terminal, CI runner or supervisor sends us passed on, so that stopping a job stops the command, not only us.
// Never through a shell: the arguments reach the command as typed, with no second round of expansion.

/**
 * Signals passed on to the command. While one is handled here, it no longer ends this process by itself, so the
 * token directory is removed after it too. SIGQUIT's default would be a core dump, skipping that clean-up.
 */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const

/** How long the exit waits for the rest of the command's output, once it has ended (see OutputRelay). */
const RELAY_GRACE_MS = 1000

const EXIT = { notFound: 127, cannotStart: 126 } as const

/**
 * Every variable that any provider reads a secret input from (its password), whichever provider this run mints for:
 * a job may set the passwords of several, and the command gets a token, never a password.
 */
export function secretVariables(
  registry: Readonly<Record<string, Provider>> | readonly Provider[] = providers
): string[] {
  return Object.values(registry).flatMap(provider =>
    Object.values(provider.inputs).flatMap(input => (input.secret && input.env ? [input.env] : []))
  )
}

/**
 * The command's environment: this one, less the variables the token stands in for (the password: the command
 * gets a token that expires instead), plus the `given` variables (the token, and with --keep-fresh its files).
 * Windows reads names in any case, so there a lower-case `acme_token` is replaced too, rather than left for the command to
 * read instead.
 */
export function commandEnv(
  env: Readonly<Record<string, string | undefined>>,
  given: Readonly<Record<string, string>>,
  without: readonly string[],
  windows = process.platform === 'win32'
): Record<string, string> {
  const key = (name: string) => (windows ? name.toUpperCase() : name)
  const dropped = new Set([...without, ...Object.keys(given)].map(key))
  const kept = Object.entries(env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !dropped.has(key(entry[0]))
  )
  return { ...Object.fromEntries(kept), ...given }
}

/**
 * Runs the command with this process's stdio and the given environment, and resolves to the exit code a shell
 * would report for it. Reports a command that cannot be started on `err`; never throws. With a `relay`, the
 * command's stdout and stderr pass through it, all of it before the exit code comes back.
 */
export async function runCommand(
  [file, ...args]: readonly [string, ...string[]],
  env: Readonly<Record<string, string>>,
  err: (text: string) => void,
  relay?: OutputRelay
): Promise<number> {
  let child: ChildProcess
  try {
    child = spawn(file, args, { env, stdio: relay ? ['inherit', 'pipe', 'pipe'] : 'inherit', shell: false })
  } catch (error) {
    // Node refuses some commands before starting them: a .cmd or .bat on Windows (EINVAL), a NUL in an argument.
    return cannotStart(file, error, err)
  }
  if (relay && child.stdout && child.stderr) relay.attach(child.stdout, child.stderr)
  const forward = (signal: NodeJS.Signals) => void child.kill(signal)
  for (const signal of FORWARDED) process.on(signal, forward)
  try {
    return await new Promise<number>(resolve => {
      child.on('error', error => {
        // After a start, an error is a signal that could not be delivered: the exit still comes.
        if (child.pid === undefined) resolve(cannotStart(file, error, err))
      })
      child.on('exit', (code, signal) => {
        const exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0)
        // A process the command left running may hold its output open: a second, then it is cut.
        void (relay?.drained(RELAY_GRACE_MS) ?? Promise.resolve()).then(() => resolve(exitCode))
      })
    })
  } finally {
    for (const signal of FORWARDED) process.off(signal, forward)
  }
}

function cannotStart(file: string, error: unknown, err: (text: string) => void): number {
  const { message, exitCode } = cannotStartMessage(file, (error as NodeJS.ErrnoException | undefined)?.code)
  err(message)
  return exitCode
}

/** What to say, and the exit code a shell would report, for a command that Node could not start with `code`. */
export function cannotStartMessage(
  file: string,
  code: string | undefined,
  windows = process.platform === 'win32'
): { readonly message: string; readonly exitCode: number } {
  // The command's name only: its arguments may carry anything.
  const name = JSON.stringify(file.length > 80 ? `${file.slice(0, 80)}…` : file)
  if (code === 'ENOENT') {
    const hint = windows ? ' A .cmd or .bat command (npm, npx) runs through cmd: -- cmd /c npm test.' : ''
    return {
      message: `error: cannot run ${name}: no such command or file (check PATH, or give its path).${hint}\n`,
      exitCode: EXIT.notFound
    }
  }
  if (code === 'EINVAL' && windows) {
    return {
      message: `error: cannot run ${name} without a shell: Node.js starts a .cmd or .bat only through cmd: -- cmd /c ....\n`,
      exitCode: EXIT.cannotStart
    }
  }
  const why = code === 'EACCES' ? 'permission denied (is it executable?)' : (code ?? 'it could not be started')
  return { message: `error: cannot run ${name}: ${why}.\n`, exitCode: EXIT.cannotStart }
}
