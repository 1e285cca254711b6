import { describe, expect, it } from '@jest/globals'
import { createHash, hkdfSync, randomBytes, scryptSync } from 'node:crypto'
import { readSealKey, sealKeyProblem, type SealKey } from '../src/seal.js'
import {
  generateSealKey,
  HUMAN_TEXT_BITS,
  humanTextBits,
  MAX_BYTE_STEPS,
  MIN_HEX_DIGITS,
  typedTextChance
} from '../src/seal-key.js'

const ADVICE = 'make one with `openssl rand -base64 32` (or `token-mint keygen`) and store it as a repository secret.'
const NOT_GENERATED = `must be a key written by a key generator: 32, 48 or 64 random bytes as base64 or hex (the text is not quoted here); ${ADVICE}`

// The rules alone: readSealKey also stretches every key it accepts, which the samples below do not need.
const problem = (text: string) => sealKeyProblem(text)
const keyOf = (text: string): SealKey | undefined => {
  const read = readSealKey(text)
  return 'key' in read ? read.key : undefined
}
/** 32 bytes that repeat with the given period. */
const periodic = (period: number, length = 32) => {
  const block = createHash('sha256').update(`period ${period}`).digest().subarray(0, period)
  return Buffer.concat(Array.from({ length: Math.ceil(length / period) }, () => block)).subarray(0, length)
}
const ascii = (text: string) => Buffer.from(text.padEnd(32, '.').slice(0, 32))

// First in the file: the table of scores is built once, on the first text scored, and StrykerJS credits it to that
// test alone, so that test must be one that checks the scores.
describe('the model of typed text', () => {
  it('is a probability distribution after every symbol, never 0', () => {
    const sums = Array.from({ length: 64 }, (_, from) =>
      Array.from({ length: 64 }, (_, to) => typedTextChance(from, to)).reduce((a, b) => a + b, 0)
    )

    for (const sum of sums) expect(sum).toBeCloseTo(1, 12)
    expect(Math.min(...Array.from({ length: 64 * 64 }, (_, i) => typedTextChance(i >> 6, i & 63)))).toBeGreaterThan(0)
  })

  it('scores a random text far below what it scores typed text', () => {
    expect(humanTextBits('zq8X2mVbK4pLw9YtR7nHc3FjD6sGa1Ue5BoIy0QxNf')).toBeLessThan(0)
    expect(humanTextBits('CorrectHorseBatteryStapleWithExtraWordsAnd')).toBeGreaterThan(HUMAN_TEXT_BITS)
    expect(humanTextBits('ab')).toBeCloseTo(Math.log2(64 * typedTextChance(26, 27)), 12)
    expect(humanTextBits('a-b_')).toBeCloseTo(humanTextBits('a+b/'), 12)
  })

  it('makes a key next to the last one on a keyboard row likelier than after any key of its kind not next to it', () => {
    const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
    // Upper case, lower case and digits, by index in the base64 alphabet.
    const kinds = [Array.from({ length: 26 }, (_, i) => i), Array.from({ length: 26 }, (_, i) => 26 + i)]
    kinds.push(Array.from({ length: 10 }, (_, i) => 52 + i))
    const rows = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'].flatMap(row => [row, row.toUpperCase()])
    const pairs = rows.flatMap(row =>
      [...row.slice(1)].flatMap((key, i) => [
        [row[i], key],
        [key, row[i]]
      ])
    )
    const notLikelier = pairs.filter(([last, next]) => {
      const [from, to] = [BASE64.indexOf(last as string), BASE64.indexOf(next as string)]
      const sameKind = kinds.find(kind => kind.includes(from)) as number[]
      return typedTextChance(from, to) <= Math.min(...sameKind.map(other => typedTextChance(other, to)))
    })

    expect(pairs).toHaveLength(2 * 2 * (9 + 9 + 8 + 6))
    expect(notLikelier).toEqual([])
  })
})

describe('readSealKey accepts what key generators write', () => {
  it.each([
    ['openssl rand -base64 32', randomBytes(32).toString('base64')],
    ['openssl rand -hex 32', randomBytes(32).toString('hex')],
    ['openssl rand -base64 48', randomBytes(48).toString('base64')],
    ['openssl rand -base64 64, on one line', randomBytes(64).toString('base64')],
    ['openssl rand -hex 64', randomBytes(64).toString('hex')],
    ['hex in upper case', randomBytes(32).toString('hex').toUpperCase()],
    ["Python's secrets.token_urlsafe(32)", randomBytes(32).toString('base64url')],
    ['base64url with its padding', `${randomBytes(32).toString('base64url')}=`],
    ['base64 without its padding', randomBytes(32).toString('base64').replace(/=+$/, '')],
    ['base64 of 64 bytes without its two padding characters', randomBytes(64).toString('base64').replace(/=+$/, '')],
    ['a key with a line break after it', `${randomBytes(32).toString('base64')}\n`]
  ])('%s', (_generator, text) => {
    expect(problem(text)).toBeUndefined()
  })

  it('token-mint keygen', () => {
    expect(problem(generateSealKey())).toBeUndefined()
  })

  it('derives the same keys from the same bytes in any encoding, 32 bytes for AES and 8 for the key check', () => {
    const secret = randomBytes(32)

    const fromBase64 = keyOf(secret.toString('base64'))

    expect(keyOf(secret.toString('hex'))).toEqual(fromBase64)
    expect(keyOf(secret.toString('hex').toUpperCase())).toEqual(fromBase64)
    expect(keyOf(secret.toString('base64url'))).toEqual(fromBase64)
    expect(fromBase64?.encryption).toHaveLength(32)
    expect(fromBase64?.check).toHaveLength(8)
  })

  it('stretches the key with scrypt before splitting it, so that every offline guess at a key costs a scrypt', () => {
    const secret = randomBytes(32)
    const salt = 'token-mint-action seal v1'
    const master = scryptSync(secret, salt, 32, { N: 2 ** 14, r: 8, p: 1 })
    const split = (label: string, length: number) => Buffer.from(hkdfSync('sha256', master, salt, label, length))

    const key = keyOf(secret.toString('base64'))

    expect(key).toEqual({ encryption: split('aes-256-gcm key', 32), check: split('key check', 8) })
  })

  it('gives the same answer as readSealKey on what it refuses and accepts', () => {
    const texts = [randomBytes(32).toString('base64'), 'CorrectHorseBatteryStapleWithExtraWordsAndMore', '']

    const answers = texts.map(text => [sealKeyProblem(text), readSealKey(text)])

    for (const [problem, read] of answers) {
      expect(problem).toEqual('problem' in (read as object) ? (read as { problem: string }).problem : undefined)
    }
    expect(answers.map(([problem]) => problem === undefined)).toEqual([true, false, false])
  })

  // Every rule below refuses a generated key with a computed chance below 1e-9 in all: in 5 000 keys of each kind,
  // none should be refused: one refusal here means a rule is far off its computed rate.
  it('accepts every key of a large sample from a random generator', () => {
    const refused: string[] = []

    for (let i = 0; i < 5_000; i++) {
      const bytes = randomBytes(32)
      for (const text of [bytes.toString('base64'), bytes.toString('hex'), bytes.toString('base64url')]) {
        if (problem(text)) refused.push(text)
      }
    }

    expect(refused).toEqual([])
  })
})

describe('readSealKey refuses, without quoting the key and saying how to make one', () => {
  it.each([
    ['ThisIsMySuperSecretSealKeyForTokenMintAction'],
    ['CorrectHorseBatteryStapleWithExtraWordsAndMore'],
    ['Correct-Horse-Battery-Staple-Extra-Words-And-More'],
    ['MyS3cretSealKey_2024_for_token_mint_action_prod'],
    ['correct horse battery staple, really'],
    ['hunter2hunter2'],
    ['31 random bytes', randomBytes(31).toString('base64')],
    ['33 random bytes', randomBytes(33).toString('base64')],
    ['40 random bytes in hex', randomBytes(40).toString('hex')],
    ['hex with a digit lost', randomBytes(32).toString('hex').slice(1)],
    ['hex with a digit too many', `${randomBytes(32).toString('hex')}a`],
    ['hex in upper case with a digit too many', `${randomBytes(32).toString('hex').toUpperCase()}A`],
    ['base64 that mixes the two alphabets', `${randomBytes(32).toString('base64').slice(0, 40)}+_-/`],
    ['base64 with three padding characters', `${randomBytes(32).toString('base64url')}===`],
    ['base64 with stray bits in its last character', randomBytes(32).toString('base64').replace(/.=$/, 'B=')],
    ['text with a space inside', `${randomBytes(16).toString('hex')} ${randomBytes(16).toString('hex')}`],
    ['nothing', '']
  ])('%s, as not written by a key generator', (text, key = text) => {
    const refusal = problem(key)

    expect(refusal).toBe(NOT_GENERATED)
  })

  it.each([
    ['the base64 of plain text', ascii('Our seal key for the pipelines!').toString('base64'), 'plain text'],
    ['the hex of plain text', ascii('0123456789abcdef0123456789abcdef').toString('hex'), 'plain text'],
    ['the base64url of plain text', ascii('~~~ token mint seal key 2026 ~~~').toString('base64url'), 'plain text'],
    ['all zeros', Buffer.alloc(32).toString('base64'), 'pattern of bytes'],
    ['a byte pattern of period 2, in hex', periodic(2).toString('hex'), 'pattern of bytes'],
    ['a byte pattern of period 17', periodic(17).toString('base64'), 'pattern of bytes'],
    ['a byte pattern of period 24', periodic(24).toString('base64'), 'pattern of bytes'],
    ['48 bytes of period 40', periodic(40, 48).toString('base64'), 'pattern of bytes'],
    ['the bytes 00 to 1f', Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64'), 'counts'],
    ['the bytes 00 to 1f, in hex', Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('hex'), 'counts'],
    ['bytes counting down', Buffer.from(Array.from({ length: 32 }, (_, i) => 200 - i)).toString('hex'), 'counts'],
    ['the alphabet in order', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 'typed'],
    [
      'the alphabet from its end',
      [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].reverse().join(''),
      'typed'
    ],
    ['keyboard rows', '1234567890qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM12', 'typed'],
    ['lowercase words', 'correcthorsebatterystaplecorrecthorsebatterystaplecorrecthorseba', 'typed'],
    ['a passphrase in camel case', 'CorrectHorseBatteryStapleCorrectHorseBatteryStapleCorrectHorseBa', 'typed'],
    ['words with separators', 'my_seal_key-for_the_token-mint_action-v2_ok_and_more_words_here_', 'typed'],
    ['a word, then digits typed in a run', 'pi31415926535897932384626433832795028841971693993751058209749445', 'typed'],
    [
      'hex with 9 distinct digits',
      createHash('sha512')
        .update('x')
        .digest('hex')
        .replace(/[9a-f]/g, '0')
        .slice(0, 64),
      'hex digits'
    ],
    [
      '64 bytes in hex, with 9 distinct digits in the first 64',
      createHash('sha512')
        .update('x')
        .digest('hex')
        .replace(/[9a-f]/g, '0')
        .slice(0, 64) + randomBytes(32).toString('hex'),
      'hex digits'
    ]
  ])('%s, as a pattern', (_case, text, why) => {
    const refusal = problem(text)

    expect(refusal).toContain(why)
    expect(refusal).toMatch(new RegExp(`, so it would be guessed: ${ADVICE.replace(/[`()]/g, '.')}$`))
    expect(refusal).not.toContain(text.slice(0, 8))
  })

  it('counts up or down from 9 steps (equal or neighbouring bytes) among the first 32 bytes, not 8', () => {
    /** Bytes from a hash, changed so that exactly the first `count` neighbouring pairs count up by one. */
    const withSteps = (count: number) => {
      const bytes = createHash('sha256').update('steps').digest()
      for (let i = 1; i < bytes.length; i++) {
        const step = ((bytes[i] as number) - (bytes[i - 1] as number) + 256) % 256
        if (i <= count) bytes[i] = ((bytes[i - 1] as number) + 1) % 256
        else if (step <= 1 || step === 255) bytes[i] = ((bytes[i - 1] as number) + 128) % 256
      }
      return bytes.toString('hex')
    }

    expect(problem(withSteps(MAX_BYTE_STEPS - 1))).toBeUndefined()
    expect(problem(withSteps(MAX_BYTE_STEPS))).toContain('counts up or down')
  })

  it('accepts hex with 10 distinct digits in the first 64, the fewest a generator is allowed', () => {
    const tenDigits = createHash('sha512').update('x').digest('hex').replace(/[a-f]/g, '0').slice(0, 64)

    expect(new Set(tenDigits).size).toBe(MIN_HEX_DIGITS)
    expect(problem(tenDigits)).toBeUndefined()
  })
})

describe('refuses a generated key less than once in a billion, computed rule by rule', () => {
  interface Fraction {
    readonly n: bigint
    readonly d: bigint
  }
  const add = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d })
  const toNumber = (f: Fraction) => Number((f.n * 10n ** 30n) / f.d) / 1e30
  const choose = (n: number, k: number): bigint => {
    let result = 1n
    for (let i = 0; i < k; i++) result = (result * BigInt(n - i)) / BigInt(i + 1)
    return result
  }
  /** P(at least k successes in n independent trials of chance p/q). */
  const binomialTail = (n: number, k: number, p: number, q: number): Fraction => {
    let n_ = 0n
    for (let j = k; j <= n; j++) n_ += choose(n, j) * BigInt(p) ** BigInt(j) * BigInt(q - p) ** BigInt(n - j)
    return { n: n_, d: BigInt(q) ** BigInt(n) }
  }
  /** The number of sequences of `draws` symbols out of `symbols`, by how many distinct symbols they use. */
  const occupancy = (draws: number, symbols: number): bigint[] => {
    let counts = [1n]
    for (let draw = 0; draw < draws; draw++) {
      const next = Array.from({ length: Math.min(draw + 1, symbols) + 1 }, () => 0n)
      counts.forEach((count, seen) => {
        next[seen] = (next[seen] as bigint) + count * BigInt(seen)
        if (seen < symbols) next[seen + 1] = (next[seen + 1] as bigint) + count * BigInt(symbols - seen)
      })
      counts = next
    }
    return counts
  }

  // All 32 (or more) bytes printable ASCII: 95 of 256 values each.
  const plainText: Fraction = { n: 95n ** 32n, d: 256n ** 32n }
  // A period p copies the last n - p bytes; for 32 bytes p runs to 24, each with chance 256^-(32-p).
  const repeats = Array.from({ length: 24 }, (_, i) => ({ n: 1n, d: 256n ** BigInt(32 - (i + 1)) })).reduce(add)
  // Each of the 31 neighbouring pairs of the first 32 bytes is a step (0, +1 or -1) with chance 3/256, whatever
  // came before: the count of steps is binomial.
  const steps = binomialTail(31, MAX_BYTE_STEPS, 3, 256)
  /**
   * P(the first 42 characters of a generated key score HUMAN_TEXT_BITS or more), by dynamic programming over the
   * characters: the distribution of the score so far, by last symbol. Each step's score is rounded up to 1/8 bit,
   * so the result is an upper bound that can only err on the side of refusing.
   */
  const typedTail = (): number => {
    const GRID = 8
    const offset = 42 * 8 * GRID
    const step = Array.from({ length: 64 }, (_, from) =>
      Array.from({ length: 64 }, (_, to) => Math.ceil(Math.log2(64 * typedTextChance(from, to)) * GRID))
    )
    let scores = Array.from({ length: 64 }, () => new Float64Array(2 * offset + 1).fill(0))
    for (const row of scores) row[offset] = 1 / 64
    for (let char = 1; char < 42; char++) {
      const next = Array.from({ length: 64 }, () => new Float64Array(2 * offset + 1).fill(0))
      scores.forEach((row, from) =>
        row.forEach((chance, score) => {
          if (chance === 0) return
          const steps = step[from] as number[]
          next.forEach(
            (target, to) =>
              (target[score + (steps[to] as number)] = (target[score + (steps[to] as number)] as number) + chance / 64)
          )
        })
      )
      scores = next
    }
    let tail = 0
    for (const row of scores)
      for (let score = offset + HUMAN_TEXT_BITS * GRID; score < row.length; score++) tail += row[score] as number
    return tail
  }

  it('counts distinct symbols like a brute-force enumeration', () => {
    const brute = [0n, 0n, 0n, 0n]
    for (let sequence = 0; sequence < 3 ** 4; sequence++) {
      const digits = [0, 1, 2, 3].map(i => Math.floor(sequence / 3 ** i) % 3)
      brute[new Set(digits).size] = (brute[new Set(digits).size] as bigint) + 1n
    }

    expect(occupancy(4, 3)).toEqual(brute)
    expect(binomialTail(3, 2, 1, 2)).toEqual({ n: 4n, d: 8n })
  })

  it('for base64 (`openssl rand -base64 32`, token_urlsafe): text, repeats, steps and typed text', () => {
    // Computed here, in the test, not when the file loads: a computation that reads the model outside any test
    // would make StrykerJS run every related test file for each mutant of seal-key.ts.
    const typed: Fraction = { n: BigInt(Math.ceil(typedTail() * 1e30)), d: 10n ** 30n }
    const refused = [plainText, repeats, steps, typed].reduce(add)

    expect(toNumber(refused)).toBeLessThan(1e-9)
    expect(toNumber(refused)).toBeCloseTo(2.1e-10, 10)
  })

  it('for hex (`openssl rand -hex 32`): text, repeats, steps and fewer than 10 distinct digits of 64', () => {
    const fewDigits: Fraction = {
      n: occupancy(64, 16)
        .slice(0, MIN_HEX_DIGITS)
        .reduce((sum, count) => sum + count, 0n),
      d: 16n ** 64n
    }
    const refused = [plainText, repeats, steps, fewDigits].reduce(add)

    expect(toNumber(refused)).toBeLessThan(1e-9)
    expect(toNumber(refused)).toBeCloseTo(6.8e-11, 12)
  })
})

describe('generateSealKey', () => {
  it('writes 32 fresh random bytes as padded base64, as `openssl rand -base64 32` does', () => {
    const keys = Array.from({ length: 50 }, generateSealKey)

    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    expect(new Set(keys).size).toBe(50)
  })
})
