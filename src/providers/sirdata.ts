import * as z from 'zod/mini'
import { InputError } from '../errors.js'
import { readBody } from './body.js'
import type { Provider } from './provider.js'

// The documented answer; partner_id and expiration_time are read when present but not required,
// since a usable token matters more than the metadata around it.
const TokenBody = z.object({
  token: z.string().check(z.minLength(1)),
  partner_id: z.optional(z.union([z.number(), z.string()])),
  expiration_time: z.optional(z.string())
})

// Sirdata writes Go's RFC 3339 with nanoseconds and an offset (2019-12-11T17:52:30.821624721+01:00).
// JavaScript dates hold milliseconds, so the fraction is cut to three digits before parsing.
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i

export function parseSirdataTime(text: string): Date | undefined {
  const match = RFC3339.exec(text.trim())
  if (!match) return undefined
  const [, dateTime, fraction = '', offset = ''] = match
  const date = new Date(`${dateTime}.${fraction.slice(0, 3).padEnd(3, '0')}${offset.toUpperCase()}`)
  return Number.isNaN(date.getTime()) ? undefined : date
}

export const sirdata: Provider = {
  name: 'sirdata',
  title: 'Sirdata',
  regions: { global: 'https://partner-api.sddan.com/api/v1' },
  inputs: ['partner-id'],
  envFallbacks: { 'partner-id': 'SIRDATA_PARTNER_ID', username: 'SIRDATA_LOGIN', password: 'SIRDATA_PASSWORD' },
  envName: 'SIRDATA_TOKEN',

  request({ partnerId, username, password }) {
    if (!partnerId) throw new InputError([{ input: 'partner-id', message: 'is required for sirdata.' }])
    const body = JSON.stringify({ login: username, password })
    const escaped = JSON.stringify(password).slice(1, -1)
    // Sirdata's token endpoint is a GET that carries a JSON body; the transport sends its Content-Length.
    return {
      method: 'GET',
      path: `/public/auth/partner/${encodeURIComponent(partnerId)}/token`,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
      // A password with quotes or backslashes appears escaped in the body: mask that form too.
      secrets: escaped === password ? [] : [escaped]
    }
  },

  parse(body, _now) {
    const answer = readBody(TokenBody, body, 'Sirdata')
    const account: Record<string, string> = {}
    if (answer.partner_id !== undefined) account['partner-id'] = String(answer.partner_id)
    return {
      token: answer.token,
      expiresAt: answer.expiration_time === undefined ? undefined : parseSirdataTime(answer.expiration_time),
      account
    }
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
