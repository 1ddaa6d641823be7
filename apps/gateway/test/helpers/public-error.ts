// What every refusal in the gateway's one error shape must hold, whichever entry answered it.

export interface ErrorBody {
  errors?: { extensions?: Record<string, unknown> }[];
}

/** The first error has `code` (and `detail`), both languages' messages, and nothing internal. */
export function expectPublicError(answer: ErrorBody, code: string, detail?: string): void {
  const error = answer.errors?.[0];
  expect(error?.extensions?.code).toBe(code);
  if (detail) expect(error?.extensions?.detail).toBe(detail);
  expect(typeof error?.extensions?.messageZh).toBe('string');
  expect(typeof error?.extensions?.messageEn).toBe('string');
  for (const internal of ['stacktrace', 'exception', 'http', 'originalError']) {
    expect(error?.extensions ?? {}).not.toHaveProperty(internal);
  }
}
