// The initial JavaScript budget, measured in the browser: every script a page loads until it settles, gzipped
// (level 9, as a static server or a CDN would serve it), summed.
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export function collectScripts(page: Page): {
  gzippedKiB: (include?: (url: string) => boolean) => Promise<number>;
  urls: string[];
} {
  const responses: Promise<Buffer>[] = [];
  const urls: string[] = [];
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    // Each script once: on a busy machine the browser may answer a chunk twice (its modulepreload and the import
    // that wanted it before the preload finished), which is one script, not two, in what a page costs.
    if (type.includes('javascript') && !urls.includes(response.url())) {
      urls.push(response.url());
      responses.push(response.body().catch(() => Buffer.alloc(0)));
    }
  });
  return {
    urls,
    /** Only the scripts whose URL `include` accepts, when given (e.g. to leave out a chunk loaded lazily). */
    async gzippedKiB(include: (url: string) => boolean = () => true) {
      const bodies = await Promise.all(responses.filter((_, i) => include(urls[i]!)));
      const bytes = bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
      return Math.round((bytes / 1024) * 10) / 10;
    },
  };
}
