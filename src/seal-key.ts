// A seal key must be what a key generator writes, because the sealed-token output is not secret: anyone who reads
// it can try guesses offline, tens of thousands a second. So the rule is about where a key came from, not its
// length: the exact encodings generators write, of bytes that show none of the patterns people make.
// __tests__/seal-key.test.ts computes, rule by rule, the chance that a generated key is refused (below 1e-9).

export const SEAL_KEY_ADVICE =
  'make one with `openssl rand -base64 32` (or `token-mint keygen`) and store it as a repository secret'

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** The key bytes, when the text is exactly what a generator writes; the reason otherwise. */
export function decodeGeneratedKey(text: string): { bytes: Buffer; base64: boolean } | { problem: string } {
  const shape = `must be a key written by a key generator: 32, 48 or 64 random bytes as base64 or hex (the text is not quoted here); ${SEAL_KEY_ADVICE}.`
  if (/^(?:[0-9a-f]{2})+$|^(?:[0-9A-F]{2})+$/.test(text)) {
    const bytes = Buffer.from(text, 'hex')
    return KEY_BYTES.has(bytes.length) ? { bytes, base64: false } : { problem: shape }
  }
  const url = /^[A-Za-z0-9_-]+={0,2}$/.test(text)
  if (!url && !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return { problem: shape }
  const bytes = Buffer.from(text, url ? 'base64url' : 'base64')
  // The canonical spelling only, padded in full or not at all: generators write no stray bits or odd padding.
  const written = bytes.toString(url ? 'base64url' : 'base64').replace(/=+$/, '')
  const padding = '='.repeat((4 - (written.length % 4)) % 4)
  const canonical = text === written || text === written + padding
  return canonical && KEY_BYTES.has(bytes.length) ? { bytes, base64: true } : { problem: shape }
}

// The byte counts generators are asked for: 32 (AES-256), and the longer round sizes.
const KEY_BYTES = new Set([32, 48, 64])

/** Why decoded key bytes (and their text) do not look generated, or undefined when they do. */
export function patternProblem(text: string, bytes: Buffer, base64: boolean): string | undefined {
  if (bytes.every(byte => byte >= 0x20 && byte <= 0x7e)) return 'is the encoding of plain text, not of random bytes'
  if (repeatsWithin(bytes)) return 'repeats a pattern of bytes'
  if (byteSteps(bytes.subarray(0, 32)) >= MAX_BYTE_STEPS) return 'counts up or down, or repeats bytes'
  if (!base64 && new Set(text.slice(0, 64).toLowerCase()).size < MIN_HEX_DIGITS) return 'uses too few hex digits'
  if (base64 && humanTextBits(text.slice(0, 42)) >= HUMAN_TEXT_BITS) {
    return 'reads like text a person typed (words, a sequence, a keyboard row)'
  }
  return undefined
}

/** A fresh key in the form `openssl rand -base64 32` writes, that the rules accept. */
export function generateSealKey(): string {
  for (;;) {
    // Loaded on first use: a run that never makes a key does not pay for node:crypto.
    const bytes = process.getBuiltinModule('node:crypto').randomBytes(32)
    const text = bytes.toString('base64')
    if (patternProblem(text, bytes, true) === undefined) return text
  }
}

/** Whether the bytes repeat with a period that leaves at least 8 bytes copied (a guesser's pattern, not chance). */
function repeatsWithin(bytes: Buffer): boolean {
  for (let period = 1; period <= bytes.length - 8; period++) {
    if (bytes.subarray(period).equals(bytes.subarray(0, bytes.length - period))) return true
  }
  return false
}

export const MAX_BYTE_STEPS = 9
export const MIN_HEX_DIGITS = 10
export const HUMAN_TEXT_BITS = 30

/** How many neighbouring bytes are equal or differ by one (00 01 02..., ff fe fd...). */
function byteSteps(bytes: Buffer): number {
  let steps = 0
  for (let i = 1; i < bytes.length; i++) {
    const step = ((bytes[i] as number) - (bytes[i - 1] as number) + 256) % 256
    if (step <= 1 || step === 255) steps++
  }
  return steps
}

// A model of text people type as a "key", as a Markov chain over the 64 base64 symbols: mostly letters by English
// frequency, in words (a capital, then lower case), digits in runs, separators between; sometimes the next symbol
// in the alphabet or on a keyboard row, or the same one again; and now and then anything. Each row sums to 1, so
// the chance that a generator's uniformly random text scores HUMAN_TEXT_BITS can be computed exactly (the test does).
const ENGLISH = [82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1]
const ENGLISH_TOTAL = ENGLISH.reduce((sum, n) => sum + n, 0)
const WEIGHT = { typed: 0.86, neighbour: 0.06, same: 0.02, anything: 0.06 }
type Kind = 'upper' | 'lower' | 'digit' | 'separator'
const NEXT_KIND: Record<Kind, Record<Kind, number>> = {
  lower: { lower: 0.84, upper: 0.08, digit: 0.03, separator: 0.05 },
  upper: { lower: 0.85, upper: 0.1, digit: 0.02, separator: 0.03 },
  digit: { lower: 0.1, upper: 0.05, digit: 0.7, separator: 0.15 },
  separator: { lower: 0.45, upper: 0.3, digit: 0.25, separator: 0 }
}
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'].flatMap(row => [row, row.toUpperCase()])

const kindOf = (index: number): Kind =>
  index < 26 ? 'upper' : index < 52 ? 'lower' : index < 62 ? 'digit' : 'separator'

/** How likely a symbol is within its kind: letters by English frequency, digits and separators evenly. */
function withinKind(index: number): number {
  if (index < 52) return (ENGLISH[index % 26] as number) / ENGLISH_TOTAL
  return index < 62 ? 1 / 10 : 1 / 2
}

/** The symbols next to one: before and after it in the alphabet, left and right of it on a keyboard row. */
function neighbours(index: number): Set<number> {
  const found = new Set([(index + 1) % 64, (index + 63) % 64])
  const symbol = BASE64[index] as string
  for (const row of KEYBOARD_ROWS) {
    const at = row.indexOf(symbol)
    if (at > 0) found.add(BASE64.indexOf(row[at - 1] as string))
    if (at >= 0 && at < row.length - 1) found.add(BASE64.indexOf(row[at + 1] as string))
  }
  return found
}

/** The model's chance of symbol `to` after symbol `from` (indexes in the base64 alphabet). */
export function typedTextChance(from: number, to: number): number {
  const near = neighbours(from)
  return (
    WEIGHT.anything / 64 +
    (from === to ? WEIGHT.same : 0) +
    (near.has(to) ? WEIGHT.neighbour / near.size : 0) +
    WEIGHT.typed * NEXT_KIND[kindOf(from)][kindOf(to)] * withinKind(to)
  )
}

let bitsTable: number[][] | undefined

/** log2 of how much likelier the model of typed text makes this base64 text than a generator does. */
export function humanTextBits(text: string): number {
  bitsTable ??= Array.from({ length: 64 }, (_, from) =>
    Array.from({ length: 64 }, (_, to) => Math.log2(64 * typedTextChance(from, to)))
  )
  const table = bitsTable
  const symbols = [...text.replace(/-/g, '+').replace(/_/g, '/')].map(symbol => BASE64.indexOf(symbol))
  let bits = 0
  for (let i = 1; i < symbols.length; i++)
    bits += (table[symbols[i - 1] as number] as number[])[symbols[i] as number] as number
  return bits
}
