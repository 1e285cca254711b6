// Preloaded with `node --import` by a process test: name lookups behave as the system resolver's do when no DNS
// server answers. getaddrinfo cannot be cancelled, keeps the process alive, and fails only after its own timeout.
import dns from 'node:dns'
import { setTimeout } from 'node:timers'

const RESOLVER_TIMEOUT_MS = 10_000

dns.lookup = (_host, options, callback) => {
  const done = typeof options === 'function' ? options : callback
  setTimeout(() => done(Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' })), RESOLVER_TIMEOUT_MS)
}
