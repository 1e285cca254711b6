import type * as Crypto from 'node:crypto'
import * as z from 'zod/mini'
import { SealError } from './errors.js'
import { tokenProblem } from './providers/answer.js'
import { providers } from './providers/index.js'
import type { Provider } from './providers/provider.js'
import { decodeGeneratedKey, patternProblem, SEAL_KEY_ADVICE } from './seal-key.js'
import type { IssuedToken } from './token.js'

// Loading node:crypto is one of the larger start-up costs, about as much as node:http (docs/performance.md), and only a
// run that seals or unseals needs it: it is loaded then.
const crypto = (): typeof Crypto => process.getBuiltinModule('node:crypto')

// A sealed token is `tm2.` + base64url(header | ciphertext | tag), AES-256-GCM.
// The header is in clear only so that each refusal can say what is wrong (another key, repository or run);
// it is also authenticated, together with the full repository name and run id, as associated data.
//   key check   8 bytes  derived from the seal key under its own label: tells a wrong key from tampering
//   run id      8 bytes  GITHUB_RUN_ID, big-endian
//   repository  8 bytes  SHA-256 of GITHUB_REPOSITORY, truncated
//   nonce      12 bytes  fresh for every seal
const ENVELOPE_VERSION = 2
const PREFIX = `tm${ENVELOPE_VERSION}.`
const HEADER_BYTES = 36
const TAG_BYTES = 16
const SALT = 'token-mint-action seal v1'
// The sealed-token output is no secret, and its key check (like the tag) lets whoever holds it test a guess at the
// key offline. The pattern rules refuse most keys a person makes up, but cannot prove one random: scrypt makes every
// guess cost about 16 MiB and tens of milliseconds (tens of thousands of HKDF guesses a second become about twenty),
// so that a key that slipped past them still resists. A generated key needs no such help; the cost is paid once per
// sealing or unsealing run. HKDF then splits the result into the two keys.
const STRETCH = { N: 2 ** 14, r: 8, p: 1 } as const
/** Stretched keys by key bytes: a run derives once, and tests that seal many times pay once per key. */
const stretched = new Map<string, Buffer>()

/** The repository and workflow run a sealed token belongs to. */
export interface SealBinding {
  readonly repository: string
  readonly runId: string
}

/** Keys derived from the `seal-key` secret. */
export interface SealKey {
  readonly encryption: Buffer
  readonly check: Buffer
}

/** What is wrong with a `seal-key` text (completing "Input 'seal-key' ..."), never quoting it; undefined if nothing. */
export function sealKeyProblem(text: string): string | undefined {
  const read = checkSealKey(text)
  return 'problem' in read ? read.problem : undefined
}

/**
 * Reads `seal-key`: exactly what a key generator writes (see seal-key.ts). Returns the derived keys, or what is
 * wrong with the text (completing "Input 'seal-key' ..."), never quoting it.
 */
export function readSealKey(text: string): { key: SealKey } | { problem: string } {
  const read = checkSealKey(text)
  if ('problem' in read) return read
  const id = read.bytes.toString('hex')
  const master = stretched.get(id) ?? crypto().scryptSync(read.bytes, SALT, 32, STRETCH)
  stretched.set(id, master)
  const derive = (label: string, length: number) =>
    Buffer.from(crypto().hkdfSync('sha256', master, SALT, label, length))
  return { key: { encryption: derive('aes-256-gcm key', 32), check: derive('key check', 8) } }
}

function checkSealKey(text: string): { bytes: Buffer } | { problem: string } {
  const trimmed = text.trim()
  const decoded = decodeGeneratedKey(trimmed)
  if ('problem' in decoded) return decoded
  const pattern = patternProblem(trimmed, decoded.bytes, decoded.base64)
  return pattern ? { problem: `${pattern}, so it would be guessed: ${SEAL_KEY_ADVICE}.` } : { bytes: decoded.bytes }
}

const Sealed = z.object({
  p: z.string(),
  r: z.optional(z.string()),
  t: z.string().check(z.minLength(1)),
  e: z.nullable(z.number()),
  a: z.record(z.string(), z.string())
})

export function sealToken(issued: IssuedToken, key: SealKey, binding: SealBinding): string {
  const nonce = crypto().randomBytes(12)
  const header = Buffer.concat([key.check, runIdBytes(binding), repositoryHash(binding), nonce])
  const cipher = crypto().createCipheriv('aes-256-gcm', key.encryption, nonce)
  cipher.setAAD(associatedData(header, binding))
  const plaintext = JSON.stringify({
    p: issued.provider.name,
    r: issued.region,
    t: issued.token,
    e: issued.expiresAt?.getTime() ?? null,
    a: issued.account
  } satisfies z.infer<typeof Sealed>)
  const sealed = Buffer.concat([header, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return PREFIX + sealed.toString('base64url')
}

/**
 * Verifies and opens a sealed token; every refusal is a SealError saying what is wrong. No network involved.
 * With `expected`, the token must be for that provider.
 */
export function unsealToken(
  text: string,
  key: SealKey,
  binding: SealBinding,
  now: Date,
  expected?: Provider
): IssuedToken {
  const bytes = readEnvelope(text, key, binding)
  const opened = Sealed.safeParse(safeJson(decrypt(bytes, key, binding)))
  // Object.hasOwn: a name such as 'constructor' or '__proto__' is no provider, not a property of the registry.
  const provider = opened.success && Object.hasOwn(providers, opened.data.p) ? providers[opened.data.p] : undefined
  if (!opened.success || !provider) {
    throw new SealError(
      'holds a token this version of the action cannot read: seal and unseal with the same version of the action.'
    )
  }
  if (!isPublishable(opened.data, provider)) {
    throw new SealError(
      'holds values this version of the action refuses to publish: seal and unseal with the same version of the action.'
    )
  }
  if (expected && expected !== provider) {
    throw new SealError(`holds a ${provider.title} token, but provider is ${expected.name}.`)
  }
  const expiresAt = opened.data.e === null ? undefined : new Date(opened.data.e)
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw new SealError(
      `holds a ${provider.title} token that expired at ${expiresAt.toISOString()}: mint the token in this job instead.`
    )
  }
  const { r: region, t: token, a: account } = opened.data
  return { provider, region, token, expiresAt, account, issuedAt: now, origin: 'unsealed' }
}

/** The envelope's bytes, once its format, key check, repository and run match; each refusal says which did not. */
function readEnvelope(text: string, key: SealKey, binding: SealBinding): Buffer {
  // The version is written without leading zeros: 'tm02.' is not a spelling of 'tm2.'.
  const match = /^tm([1-9]\d{0,5})\.([A-Za-z0-9_-]*)$/.exec(text.trim())
  if (!match) throw new SealError('is not a sealed token from this action: it is malformed or truncated.')
  if (Number(match[1]) !== ENVELOPE_VERSION) {
    throw new SealError(
      `has format version ${match[1]}, and this version of the action reads version ${ENVELOPE_VERSION}: ` +
        'seal and unseal with the same version of the action.'
    )
  }
  const body = match[2] as string
  const bytes = Buffer.from(body, 'base64url')
  // Node's decoder skips what it cannot read; only the canonical spelling of the bytes is accepted.
  if (bytes.toString('base64url') !== body || bytes.length <= HEADER_BYTES + TAG_BYTES) {
    throw new SealError('is not a sealed token from this action: it is malformed or truncated.')
  }
  const header = bytes.subarray(0, HEADER_BYTES)
  if (!crypto().timingSafeEqual(header.subarray(0, 8), key.check)) {
    throw new SealError(
      'was sealed with another seal-key: use the same secret in the job that seals and the jobs that unseal.'
    )
  }
  if (!header.subarray(16, 24).equals(repositoryHash(binding))) {
    throw new SealError(
      `was sealed in another repository: it opens only in the repository and workflow run that sealed it.`
    )
  }
  const sealedRun = header.readBigUInt64BE(8)
  if (sealedRun !== BigInt(binding.runId)) {
    throw new SealError(
      `was sealed by workflow run ${sealedRun}, not this one (${binding.runId}): it opens only in the run that sealed it.`
    )
  }
  return bytes
}

/** The plaintext, if the envelope authenticates with its header, repository and run as associated data. */
function decrypt(bytes: Buffer, key: SealKey, binding: SealBinding): string {
  const header = bytes.subarray(0, HEADER_BYTES)
  try {
    const decipher = crypto().createDecipheriv('aes-256-gcm', key.encryption, header.subarray(24, HEADER_BYTES))
    decipher.setAAD(associatedData(header, binding))
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
    return Buffer.concat([
      decipher.update(bytes.subarray(HEADER_BYTES, bytes.length - TAG_BYTES)),
      decipher.final()
    ]).toString('utf8')
  } catch {
    throw new SealError('has been altered or truncated: it failed authentication.')
  }
}

/**
 * An envelope that authenticates was still made by someone holding the key (or by an older release that checked
 * less): its contents get the checks a provider's answer gets (the provider's own schema for each account output)
 * before anything is masked, printed or published.
 */
function isPublishable(sealed: z.infer<typeof Sealed>, provider: Provider): boolean {
  return (
    tokenProblem(sealed.t) === undefined &&
    (sealed.r === undefined || Object.hasOwn(provider.regions, sealed.r)) &&
    (sealed.e === null || (Number.isSafeInteger(sealed.e) && !Number.isNaN(new Date(sealed.e).getTime()))) &&
    Object.entries(sealed.a).every(([name, value]) => {
      const field = provider.account.find(account => account.output === name)
      return field !== undefined && field.schema.safeParse(value).success
    })
  )
}

function runIdBytes({ runId }: SealBinding): Buffer {
  const bytes = Buffer.alloc(8)
  bytes.writeBigUInt64BE(BigInt(runId))
  return bytes
}

function repositoryHash({ repository }: SealBinding): Buffer {
  return crypto().createHash('sha256').update(repository, 'utf8').digest().subarray(0, 8)
}

function associatedData(header: Buffer, { repository, runId }: SealBinding): Buffer {
  return Buffer.concat([Buffer.from(PREFIX), header, Buffer.from(`${repository}\n${runId}`, 'utf8')])
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
