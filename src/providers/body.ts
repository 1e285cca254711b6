import * as z from 'zod/mini'
import { TokenRequestError } from '../errors.js'

/**
 * Validates a provider's 2xx body against its documented schema.
 * The message names the fields and the expected types, never the values: a body can hold a token.
 */
export function readBody<T>(schema: z.ZodMiniType<T>, body: unknown, title: string): T {
  // reportInput lets a missing field be told from a wrong one; the values themselves are never printed.
  const result = schema.safeParse(body, { reportInput: true })
  if (result.success) return result.data
  const problems = result.error.issues.map(issue => {
    const field = issue.path.length > 0 ? `'${issue.path.join('.')}'` : 'the body'
    return issue.code === 'invalid_type' && issue.input === undefined
      ? `${field} is missing`
      : `${field} is not ${issue.code === 'invalid_type' ? withArticle(issue.expected) : 'valid'}`
  })
  throw new TokenRequestError(
    `${title} answered 200 but not with the documented token response: ${problems.join('; ')}.`
  )
}

const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`
