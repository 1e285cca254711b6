import type { InputProblem } from '../errors.js'
import { providers } from '../providers/index.js'
import type { Provider } from '../providers/provider.js'
import { INPUT_FLAGS, type InputFlag } from './args.js'

// The core words its problems for a workflow ("Input 'timeout' ..."); on a command line the same problem is about a
// flag, or about the environment variable a credential comes from. The message after the name is the core's.

type Env = Readonly<Record<string, string | undefined>>
type Flags = Readonly<Partial<Record<InputFlag, string>>>

/** The provider the flags name, as the settings read it (trimmed, any case); undefined when they name none. */
export function providerNamed(flags: Flags): Provider | undefined {
  const name = flags.provider?.trim().toLowerCase() ?? ''
  return Object.hasOwn(providers, name) ? providers[name] : undefined
}

/** One line per problem, naming what the person typed or set: `--timeout ...`, or a credential's variable. */
export function flagProblem({ input, message }: InputProblem, flags: Flags, env: Env): string {
  const provider = providerNamed(flags)
  const variable = provider?.inputs[input]?.env
  const isFlag = (INPUT_FLAGS as readonly string[]).includes(input)
  const given = (value: string | undefined) => (value?.trim() ?? '') !== ''
  if (isFlag && (given(flags[input as InputFlag]) || !variable)) return `--${input} ${message}`
  if (!variable || !provider) return `Input '${input}' ${message}`
  if (given(env[variable])) return `${variable} ${message}`
  return isFlag
    ? `--${input} (or ${variable}) is required for ${provider.name}.`
    : `${variable} is required for ${provider.name}: set it in the environment.`
}

/** A warning of the core about an input ("Input 'region' does not apply..."), about the flag instead. */
export function flagWarning(warning: string): string {
  // The CLI passes the core flags only, so an input a warning names is a flag.
  return warning.replace(/^Input '([a-z-]+)'/, '--$1')
}
