import { DEMO_ACCOUNTS } from '@hanjiang/db';

/** What `pnpm start` prints once ready: where to connect and, in demo mode, how to sign in. */
export function startBanner(options: {
  seconds: string;
  url: string;
  port: number;
  database: string;
  embedded: boolean;
  demoMode: boolean;
  demoPassword: string;
  ephemeralJwtSecret: boolean;
}): string {
  const lines = [
    '',
    `  涵江区“双轮”驱动征迁攻坚平台 — ready in ${options.seconds} s`,
    `  GraphQL (HTTP + WebSocket):  ${options.url}`,
    `  Health:                      http://localhost:${options.port}/healthz  /readyz`,
    `  Database:                    ${options.database}${options.embedded ? ' (embedded)' : ''}`,
  ];
  if (options.ephemeralJwtSecret)
    lines.push(
      '  JWT secret:                  generated for this process (set JWT_SECRET to keep tokens across restarts)',
    );
  if (options.demoMode) {
    const byRole = (role: string) =>
      DEMO_ACCOUNTS.filter((a) => a.role === role && a.username.endsWith(`.${role}`)).map(
        (a) => a.username.split('.')[0],
      );
    lines.push(
      '',
      `  Demo accounts (password: ${options.demoPassword}) — username <tenant>.<role>:`,
      `    roles viewer, cadre, commander for: ${byRole('viewer').join(', ')}`,
      '    plus district.admin, district.inspector, and zhang.guoshun (两个身份: baisha commander, baitang viewer)',
      '',
      `  Try: curl -s ${options.url} -H 'content-type: application/json' \\`,
      `         -d '{"query":"mutation { login(username: \\"baitang.commander\\", password: \\"${options.demoPassword}\\") { token } }"}'`,
    );
  } else {
    lines.push('  Demo mode: off');
  }
  return `${lines.join('\n')}\n\n`;
}
