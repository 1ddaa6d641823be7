import { DEMO_ACCOUNTS, demoDisplayKey } from '@hanjiang/db';
import { PORTALS } from './static/portals.js';

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
    ...PORTALS.map((p) => {
      const url = `http://localhost:${options.port}${p.path}`;
      const label = `${p.titleEn} (${p.titleZh}):`.padEnd(29 - wideCharacters(p.titleZh));
      // The screen is authorised once by its display key in the URL fragment (never sent to the server).
      if (p.app === 'screen')
        return options.demoMode
          ? `  ${label}${url}#key=${demoDisplayKey(options.demoPassword)}`
          : `  ${label}${url}  (set up once with a display key: pnpm --filter @hanjiang/gateway display-key)`;
      return `  ${label}${url}`;
    }),
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

/** CJK characters take two columns in a terminal: padding counts them twice so the URLs line up. */
function wideCharacters(text: string): number {
  return [...text].filter((c) => /[\u3000-\u9fff\uff00-\uffef]/.test(c)).length;
}
