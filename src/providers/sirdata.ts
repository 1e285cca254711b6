import * as z from 'zod/mini'
import { describeValue, digits, issuedToken, optional, readAnswer } from './answer.js'
import type { Provider, UnreadableExpiry } from './provider.js'

// The documented answer (shared/seeds/sirdata-get-token.md). partner_id and expiration_time are read when present
// but not required, since a usable token matters more than the metadata around it.
const TokenAnswer = z.object({
  token: issuedToken,
  partner_id: optional(digits),
  expiration_time: optional(z.unknown())
})

// RFC 3339 (section 5.6): Sirdata writes Go's form, with nanoseconds and an offset (2019-12-11T17:52:30.821624721+01:00).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/

/** Reads an RFC 3339 date-time to the millisecond (the fraction is truncated); undefined when it is not one. */
export function parseRfc3339(text: string): Date | undefined {
  const match = RFC3339.exec(text)
  if (!match) return undefined
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [1, 2, 3, 4, 5, 6, 10, 11].map(i =>
    Number(match[i] ?? 0)
  ) as [number, number, number, number, number, number, number, number]
  const millis = Number((match[7] ?? '').slice(0, 3).padEnd(3, '0'))
  const sign = match[9]
  if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59) return undefined
  // A leap second (:60) is read as the instant after :59.999.
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis)
  const local = new Date(utc)
  // Date.UTC rolls 31 February over into March, and reads years below 100 as 19xx: such a date does not round-trip.
  if (local.getUTCFullYear() !== year || local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day)
    return undefined
  const offsetMs = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000
  return new Date(utc - offsetMs + (second === 60 ? 1000 : 0))
}

function readExpiry(value: unknown): { expiresAt?: Date; unreadableExpiry?: UnreadableExpiry } {
  if (value === undefined || value === null) return {}
  const expiresAt = typeof value === 'string' ? parseRfc3339(value) : undefined
  if (expiresAt) return { expiresAt }
  const text = typeof value === 'string' ? value : describeValue(value)
  return { unreadableExpiry: { field: 'expiration_time', text } }
}

const PARTNER_ID = z.string().check(z.regex(/^\d{1,20}$/, { error: 'must be digits only: your Sirdata partner id.' }))

export const sirdata: Provider<'partner-id' | 'username' | 'password'> = {
  name: 'sirdata',
  title: 'Sirdata',
  inputs: {
    // Digits only: the id goes into the URL path.
    'partner-id': {
      env: 'SIRDATA_PARTNER_ID',
      schema: PARTNER_ID,
      example: '12345',
      flag: { value: 'ID', about: 'Sirdata partner id, digits only' }
    },
    username: { env: 'SIRDATA_LOGIN' },
    password: { env: 'SIRDATA_PASSWORD', secret: true }
  },
  regions: { global: 'https://partner-api.sddan.com/api/v1' },
  defaultRegion: 'global',
  envName: 'SIRDATA_TOKEN',
  // Sent as-is, with no Bearer in front (shared/seeds/sirdata-get-token.md).
  tokenHeader: 'Authorization',
  account: [{ output: 'partner-id', label: 'Partner id', schema: PARTNER_ID }],

  request(inputs) {
    const { password } = inputs
    const escaped = JSON.stringify(password).slice(1, -1)
    return {
      // Sirdata's token endpoint is a GET that carries a JSON body; the transport sends its Content-Length.
      request: {
        method: 'GET',
        path: `/public/auth/partner/${encodeURIComponent(inputs['partner-id'])}/token`,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ login: inputs.username, password })
      },
      // A password with quotes or backslashes appears escaped in the body: mask that form too.
      secrets: escaped === password ? [] : [escaped]
    }
  },

  parse(body, { inputs, secret }) {
    const answer = readAnswer(TokenAnswer, body, 'Sirdata', secret)
    // The partner id the workflow asked for stands in when the answer leaves it out.
    const partnerId = answer.partner_id ?? inputs['partner-id']
    return { token: answer.token, ...readExpiry(answer.expiration_time), account: { 'partner-id': partnerId } }
  },

  hint(status) {
    switch (status) {
      case 400:
        return 'Sirdata found the request invalid: check partner-id and that username and password are set.'
      case 401:
        return 'Check the login (username), password and partner-id, and that the legal and sales agreements with Sirdata are signed: until they are, no token is issued.'
      case 403:
        return 'This account may not use the partner API: ask your Sirdata technical account manager for API access.'
      case 404:
        return 'Check partner-id and, if set, base-url (it replaces https://partner-api.sddan.com/api/v1).'
      default:
        return undefined
    }
  }
}
