import type { LookupAddress, LookupOptions, Resolver } from 'node:dns'
import type { LookupFunction } from 'node:net'

/** Where the names come from, for tests; a run uses the system's hosts file and DNS servers. */
export interface ResolverSources {
  /** DNS servers (`127.0.0.1:5353`) to ask instead of those the system names. */
  readonly servers?: readonly string[]
  readonly hostsFile?: string
  /** How long c-ares waits for a first answer, and how many rounds it asks. */
  readonly patience?: { readonly timeoutMs: number; readonly tries: number }
}

// Each DNS server gets 2 s for a first answer, and c-ares asks again with a longer wait, three rounds in all: a lost
// UDP packet is asked again, and a deadline of more than about 15 s still ends with an answer or an error.
const PATIENCE = { timeoutMs: 2000, tries: 3 }
// c-ares's errors for a query no server answered, or that the deadline cut: the silence the system resolver would
// wait through, in a worker thread that nothing can stop.
const SILENCE = new Set(['ETIMEOUT', 'ECANCELLED'])

/**
 * Name resolution for node:http that ends at the deadline, and then leaves nothing running. The system resolver
 * (getaddrinfo) runs in one of libuv's worker threads and cannot be stopped: when no DNS server answers, it holds
 * the process after the step has failed, since process.exit waits for those threads. So names are looked up as the
 * system would, in its order, without getaddrinfo wherever it could hang: the hosts file first (read here), then
 * `localhost`, then the DNS servers through c-ares, which runs on the event loop and is cancelled at the deadline.
 * Only a name the DNS servers said does not exist (or when none could be asked) goes to the system resolver, for
 * the sources only it knows (search domains, mDNS, a VPN's own servers on macOS): its DNS queries then go to servers
 * that have just answered. A source behind it that never answers could still hold the exit; SECURITY.md says so.
 */
export function lookupWithin(deadline: AbortSignal, sources: ResolverSources = {}): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname, familyWanted(options), deadline, sources).then(
      addresses => {
        const [first] = addresses as [LookupAddress]
        if (options.all) callback(null, addresses)
        else callback(null, first.address, first.family)
      },
      (error: NodeJS.ErrnoException) => callback(error, '')
    )
  }
}

type Family = 0 | 4 | 6

function familyWanted(options: LookupOptions): Family {
  const family = options.family
  if (family === 4 || family === 'IPv4') return 4
  if (family === 6 || family === 'IPv6') return 6
  return 0
}

async function resolveHost(
  hostname: string,
  family: Family,
  deadline: AbortSignal,
  sources: ResolverSources
): Promise<LookupAddress[]> {
  const fromHosts = hostsAddresses(readHostsFile(sources.hostsFile), hostname)
  const local = (fromHosts.length > 0 ? fromHosts : loopbackFor(hostname)).filter(
    address => family === 0 || address.family === family
  )
  if (local.length > 0) return local
  const dns = process.getBuiltinModule('node:dns')
  const { timeoutMs, tries } = sources.patience ?? PATIENCE
  const resolver = new dns.Resolver({ timeout: timeoutMs, tries })
  if (sources.servers) resolver.setServers(sources.servers)
  const cancel = () => resolver.cancel()
  deadline.addEventListener('abort', cancel)
  try {
    if (deadline.aborted) throw deadline.reason
    return await askDns(resolver, hostname, family)
  } catch (error) {
    if (deadline.aborted || SILENCE.has((error as NodeJS.ErrnoException).code ?? '')) throw error
    const system = new Promise<LookupAddress[]>((resolve, reject) =>
      dns.lookup(hostname, { family, all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)))
    )
    return await untilAborted(system, deadline)
  } finally {
    deadline.removeEventListener('abort', cancel)
  }
}

/**
 * The A and AAAA records, IPv4 first as the system orders them where IPv6 has no route (the usual runner), unless
 * Node is told to put IPv6 first. Fails only when neither family has an address, with a silence ahead of an answer.
 */
async function askDns(resolver: Resolver, hostname: string, family: Family): Promise<LookupAddress[]> {
  const ask = (version: 4 | 6) =>
    new Promise<LookupAddress[]>((resolve, reject) => {
      const done = (error: NodeJS.ErrnoException | null, addresses: string[]) =>
        error ? reject(error) : resolve(addresses.map(address => ({ address, family: version })))
      if (version === 4) resolver.resolve4(hostname, done)
      else resolver.resolve6(hostname, done)
    })
  const versions: (4 | 6)[] = family === 0 ? [4, 6] : [family]
  if (process.getBuiltinModule('node:dns').getDefaultResultOrder() === 'ipv6first') versions.reverse()
  const answers = await Promise.allSettled(versions.map(ask))
  const addresses = answers.flatMap(answer => (answer.status === 'fulfilled' ? answer.value : []))
  if (addresses.length > 0) return addresses
  const errors = answers.map(answer => (answer as PromiseRejectedResult).reason as NodeJS.ErrnoException)
  const [first] = errors as [NodeJS.ErrnoException]
  throw errors.find(error => SILENCE.has(error.code ?? '')) ?? first
}

/** The hosts file's addresses for `hostname`, in the file's order; names are compared without case. */
export function hostsAddresses(hostsText: string, hostname: string): LookupAddress[] {
  const name = hostname.toLowerCase()
  const { isIP } = process.getBuiltinModule('node:net')
  return hostsText.split('\n').flatMap(line => {
    const [address = '', ...names] = line.replace(/#.*/, '').trim().split(/\s+/)
    const family = isIP(address)
    return family && names.some(entry => entry.toLowerCase() === name) ? [{ address, family }] : []
  })
}

/** `localhost` is the loopback even where the hosts file does not say so, as systemd's and Windows' resolvers have it. */
function loopbackFor(hostname: string): LookupAddress[] {
  return hostname.toLowerCase() === 'localhost'
    ? [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 }
      ]
    : []
}

/** The system's hosts file, read at once (a read through a worker thread is what this module avoids); '' if none. */
function readHostsFile(path = systemHostsFile()): string {
  try {
    return process.getBuiltinModule('node:fs').readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

function systemHostsFile(): string {
  return process.platform === 'win32'
    ? `${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\drivers\\etc\\hosts`
    : '/etc/hosts'
}

/** `promise`, or the deadline's reason once it aborts, whichever comes first. */
function untilAborted<T>(promise: Promise<T>, deadline: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(deadline.reason as Error)
    deadline.addEventListener('abort', abort, { once: true })
    promise.then(resolve, reject).finally(() => deadline.removeEventListener('abort', abort))
  })
}
