import { UserError } from './protocol/rpc.js';

/** Checks for values arriving from the wire: a bad one becomes a message, never a crash. */
export function text(value: unknown, what: string, max = 1_048_576): string {
  if (typeof value !== 'string') throw new UserError(`The ${what} is missing.`);
  if (value.length > max) throw new UserError(`The ${what} is too long.`);
  return value;
}

export function whole(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new UserError(`The ${what} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
