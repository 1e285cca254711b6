// The command line, read by hand rather than with util.parseArgs: parseArgs quotes what it could not use in its
// messages ("Unexpected argument 'hunter2'"), and a stray argument is often a secret pasted in the wrong place. Here
// a problem is one line that names the flag, never a value it did not expect.

/** The options that carry an input of the action, under the input's name. */
export const INPUT_FLAGS = [
  'provider',
  'partner-id',
  'region',
  'base-url',
  'timeout',
  'max-attempts',
  'min-validity',
  'env-name'
] as const
export type InputFlag = (typeof INPUT_FLAGS)[number]
type ValueFlag = InputFlag | 'format'
type Switch = 'verbose' | 'help' | 'version' | 'password-stdin'

const VALUE_FLAGS: readonly string[] = [...INPUT_FLAGS, 'format']
const SWITCHES: readonly string[] = ['verbose', 'help', 'version', 'password-stdin']
const FORMATS = ['text', 'env', 'json'] as const
export type Format = (typeof FORMATS)[number]

/** What the command line asks for, once it reads as valid usage. */
export type Invocation =
  | { readonly kind: 'help' | 'version' }
  | {
      readonly kind: 'mint'
      readonly flags: Readonly<Partial<Record<InputFlag, string>>>
      readonly verbose: boolean
      readonly format: Format
      /** Read the password from stdin, not from the environment. */
      readonly passwordStdin?: true
    }
  | {
      readonly kind: 'exec'
      readonly flags: Readonly<Partial<Record<InputFlag, string>>>
      readonly verbose: boolean
      readonly passwordStdin?: true
      /** The command and its arguments: everything after `--`. */
      readonly command: readonly [string, ...string[]]
    }

/** A usage problem, as one line; it quotes no value it did not expect. */
export interface UsageProblem {
  readonly problem: string
}

interface Options {
  values: Partial<Record<ValueFlag, string>>
  switches: Set<Switch>
}

/** Reads `token-mint [exec] [flags] [-- command...]` into an Invocation, or the first usage problem. */
export function readArgs(argv: readonly string[]): Invocation | UsageProblem {
  const exec = argv[0] === 'exec'
  const args = exec ? argv.slice(1) : argv
  const end = args.indexOf('--')
  const options = readOptions(end === -1 ? args : args.slice(0, end), exec)
  if ('problem' in options) return options
  if (options.switches.has('help')) return { kind: 'help' }
  if (options.switches.has('version')) return { kind: 'version' }

  const { format, ...flags } = options.values
  const verbose = options.switches.has('verbose')
  const passwordStdin = options.switches.has('password-stdin') ? ({ passwordStdin: true } as const) : {}
  const [file, ...rest] = end === -1 ? [] : args.slice(end + 1)
  if (!exec) {
    if (file !== undefined) return usage('a command after -- needs exec, as the first argument')
    if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
      return { problem: `--format must be one of: ${FORMATS.join(', ')} (got '${format.slice(0, 40)}').` }
    }
    return { kind: 'mint', flags, verbose, format: (format as Format | undefined) ?? 'text', ...passwordStdin }
  }
  if (format !== undefined) {
    return usage('--format does not apply to exec, which hands the token to the command in its environment')
  }
  if (file === undefined || file === '') return usage('exec needs a command after --')
  return { kind: 'exec', flags, verbose, ...passwordStdin, command: [file, ...rest] }
}

function readOptions(args: readonly string[], exec: boolean): Options | UsageProblem {
  const found: Options = { values: {}, switches: new Set() }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '-h') {
      found.switches.add('help')
    } else if (arg.startsWith('--')) {
      const read = readLongOption(arg, args[i + 1], found)
      if (typeof read !== 'number') return read
      i += read
    } else if (arg.startsWith('-') && arg !== '-') {
      return usage(`unknown option ${/^-[A-Za-z]$/.test(arg) ? `'${arg}'` : '(not shown, in case it is a secret)'}`)
    } else if (arg === 'exec') {
      return usage('exec must be the first argument')
    } else {
      // Never quoted: a stray argument is as likely a password pasted in the wrong place as a typo.
      const hint = exec ? '; the command goes after --' : ''
      return usage(`unexpected argument (not shown, in case it is a secret)${hint}`)
    }
  }
  return found
}

/** Reads one `--name`, `--name value` or `--name=value` into `found`; returns how many extra arguments it used. */
function readLongOption(arg: string, next: string | undefined, found: Options): number | UsageProblem {
  const equals = arg.indexOf('=')
  const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals)
  const inline = equals === -1 ? undefined : arg.slice(equals + 1)
  if (SWITCHES.includes(name)) {
    if (inline !== undefined) return usage(`--${name} takes no value`)
    found.switches.add(name as Switch)
    return 0
  }
  if (!VALUE_FLAGS.includes(name)) {
    // The name only, and only when it looks like one: `--hunter2` does not, nor does anything after =.
    const shown = /^[a-z][a-z-]{0,29}$/.test(name) ? `'--${name}'` : '(not shown, in case it is a secret)'
    return usage(`unknown option ${shown}`)
  }
  if (inline !== undefined) {
    found.values[name as ValueFlag] = inline
    return 0
  }
  // `--timeout --verbose` forgot the value; a value may still start with one dash (a negative number, say).
  if (next === undefined || next.startsWith('--')) return usage(`--${name} needs a value`)
  found.values[name as ValueFlag] = next
  return 1
}

function usage(problem: string): UsageProblem {
  return { problem: `${problem}: see --help.` }
}
