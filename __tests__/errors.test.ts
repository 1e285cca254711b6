import { describe, expect, it } from '@jest/globals'
import {
  describeError,
  InputError,
  NetworkError,
  SealError,
  TokenLifetimeError,
  TokenRequestError,
  TransientFailureError,
  type ActionError
} from '../src/errors.js'

describe('the error model', () => {
  it.each<[ActionError, string, number, boolean]>([
    [new InputError([{ input: 'timeout', message: 'is wrong.' }]), 'fix-input', 2, false],
    [new SealError('is broken.'), 'fix-input', 2, false],
    [new TokenRequestError('refused', 401), 'fix-credentials', 1, false],
    [new TokenLifetimeError('too short'), 'fix-credentials', 1, false],
    [new NetworkError('untrusted'), 'fix-network', 1, false],
    [new TransientFailureError('timed out'), 'retry-later', 3, true]
  ])(
    'derives the remedy, exit code and retry decision of a %s from its class',
    (error, remedy, exitCode, retryable) => {
      expect({ remedy: error.remedy, exitCode: error.exitCode, retryable: error.retryable }).toEqual({
        remedy,
        exitCode,
        retryable
      })
    }
  )

  it('names each class, for logs and summaries', () => {
    expect(
      [
        new InputError([]),
        new SealError('x'),
        new TokenRequestError('x'),
        new TokenLifetimeError('x'),
        new TransientFailureError('x'),
        new NetworkError('x')
      ].map(error => error.name)
    ).toEqual([
      'InputError',
      'SealError',
      'TokenRequestError',
      'TokenLifetimeError',
      'TransientFailureError',
      'NetworkError'
    ])
  })

  it('names every bad input in one sentence each', () => {
    const error = new InputError([
      { input: 'provider', message: 'is required.' },
      { input: 'timeout', message: 'must be a number.' }
    ])

    expect(error.message).toBe("Input 'provider' is required. Input 'timeout' must be a number.")
    expect(error.problems).toHaveLength(2)
  })

  it('says what a sealed-token refusal is about', () => {
    expect(new SealError('is broken.').message).toBe('The sealed-token is broken.')
  })

  it('says where a failure happened, keeping its class and cause', () => {
    const cause = new Error('ECONNRESET')
    const error = new TransientFailureError('connection reset', 3, { cause }).within('Could not get a token')

    expect(error).toBeInstanceOf(TransientFailureError)
    expect(error.message).toBe('Could not get a token: connection reset.')
    expect(error.attempts).toBe(3)
    expect(error.cause).toBe(cause)
  })

  it('ends a message placed in its context with one full stop, whether or not it had one', () => {
    const error = new TokenRequestError('the provider refused the request.', 401).within('Could not get a token')

    expect(error.message).toBe('Could not get a token: the provider refused the request.')
  })

  it('counts one attempt unless told otherwise, and keeps the status of a refusal', () => {
    expect(new TransientFailureError('x').attempts).toBe(1)
    expect(new TokenRequestError('x', 403).status).toBe(403)
    expect(new TokenRequestError('x').status).toBeUndefined()
  })

  it('describes anything thrown by its message alone, never a stack', () => {
    expect(describeError(new Error('boom'))).toBe('boom')
    expect(describeError('a string')).toBe('a string')
    expect(describeError(42)).toBe('42')
  })
})
