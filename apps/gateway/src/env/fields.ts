// Value types shared by the environment's sections (env.ts composes them; nothing here reads process.env).
import proxyaddr from 'proxy-addr';
import { z } from 'zod';

export const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

export const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), { message: 'must be a postgres:// or postgresql:// URL' });

/** A comma-separated list of peers proxy-addr accepts (IPs, CIDRs or names such as `loopback`). */
export const trustList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  )
  .refine(compilesAsTrust, { message: 'must list IP addresses, CIDRs or proxy-addr names' });

function compilesAsTrust(list: string[]): boolean {
  try {
    proxyaddr.compile(list);
    return true;
  } catch {
    return false;
  }
}
