import * as z from 'zod/mini'
import { TokenRequestError } from '../errors.js'
import { outsideTextProblem } from '../outside-text.js'

// Schemas for the fields of a provider's answer. Provider text is untrusted: whatever the action prints, outputs,
// exports or writes to the summary is checked here first, so that it can become neither a workflow command nor a
// line break in an output nor markup.

const TOKEN_LENGTH = { min: 8, max: 8192 } as const

/** What is wrong with a token, without quoting it; undefined when it can be sent back in an HTTP header. */
export function tokenProblem(token: string): string | undefined {
  if (token.length < TOKEN_LENGTH.min)
    return `is ${token.length} characters long, shorter than any real token (at least ${TOKEN_LENGTH.min})`
  if (token.length > TOKEN_LENGTH.max)
    return `is ${token.length} characters long, longer than the ${TOKEN_LENGTH.max / 1024} KiB a header can carry`
  // GitHub masks a secret line by line, and the token goes back in a header: it must be one run of visible ASCII.
  if (/[\r\n]/.test(token)) return 'holds a line break'
  if (/\s/u.test(token)) return 'holds whitespace'
  if (/[\p{Cc}\p{Cf}]/u.test(token)) return 'holds a control character'
  if (/[^\x21-\x7e]/.test(token)) return 'holds a character outside printable ASCII'
  return undefined
}

/** The token itself. */
export const issuedToken = z.string().check(
  z.superRefine((token, ctx) => {
    const problem = tokenProblem(token)
    if (problem) ctx.addIssue({ code: 'custom', message: `the token ${problem}; it is not quoted here` })
  })
)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An identifier in UUID form, as Soda Cloud's organisations have. */
export const uuid = z.string().check(z.regex(UUID, { error: 'is not a UUID' }))

/** A numeric id, sent as a JSON number or a string of digits; read as its digits. */
export const digits = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((value: number | string, ctx) => {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value)
    if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value
    ctx.issues.push({ code: 'custom', input: value, message: 'is not digits' })
    return z.NEVER
  })
)

/** Printable text of at most `max` characters, that can be output and printed as it is (see outside-text.ts). */
export const printableText = (max: number) =>
  z.string().check(
    z.maxLength(max, { error: `is longer than ${max} characters` }),
    z.superRefine((text, ctx) => {
      const problem = outsideTextProblem(text)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
  )

/**
 * A value as a message may quote it: the JSON of a string, number or boolean, and only the kind of an array or an
 * object (whose JSON could nest deeper than the stack: 200,000 levels of [[[...]]]).
 */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object' && value !== null) return 'an object'
  // JSON.parse reads 1e400 as Infinity, which JSON.stringify would write as null: name it instead.
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number out of range'
  return String(JSON.stringify(value))
}

/** A field that may be left out or sent as null; both mean "not said". */
export const optional = <T>(schema: z.ZodMiniType<T>) => z.optional(z.nullable(schema))

/**
 * Validates a provider's 2xx body against its schema. A usable token in `tokenField` is masked first, so that it
 * stays hidden even when another field is refused. The message names the provider and the fields, never the
 * values: a body can hold a token or an echoed credential.
 */
export function readAnswer<T>(
  schema: z.ZodMiniType<T>,
  body: unknown,
  title: string,
  secret: (value: string) => void,
  tokenField = 'token'
): T {
  const token = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[tokenField] : undefined
  if (typeof token === 'string' && tokenProblem(token) === undefined) secret(token)
  // reportInput lets a missing field be told from a wrong one; the values themselves are never printed.
  const result = schema.safeParse(body, { reportInput: true })
  if (result.success) return result.data
  const problems = result.error.issues.map(issue => {
    const field = issue.path.length > 0 ? `'${issue.path.join('.')}'` : 'the body'
    if (issue.code === 'invalid_type' && issue.input === undefined) return `${field} is missing`
    if (issue.code === 'invalid_type') return `${field} is not ${withArticle(issue.expected)}`
    if (issue.code === 'custom' && issue.path[0] === tokenField) return issue.message
    return `${field} ${issue.code === 'custom' || issue.code === 'invalid_format' || issue.code === 'too_big' ? issue.message : 'is not valid'}`
  })
  throw new TokenRequestError(
    `${title} answered 200 but not with the documented token response: ${problems.join('; ')}.`
  )
}

const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`
