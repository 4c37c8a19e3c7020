import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = (file: string) => readFileSync(path.join(here, file), 'utf8');
/** Static value imports (not `import type`, not `await import(…)`) of a module path matching `target`. */
const staticImports = (text: string, target: RegExp) =>
  [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)';/gms)].map((m) => m[1]).filter((p) => target.test(p));

describe('server entry point', () => {
  it('loads the WeChat sandbox and the demo seed only when they are on (dynamic imports)', () => {
    const main = source('main.ts');
    const bootstrap = source('bootstrap.ts');
    expect(staticImports(main, /wechat-sandbox/)).toEqual([]);
    expect(main).toMatch(
      /if \(config\.wechat\.sandbox[^)]*\) \{\s*(\/\/[^\n]*\n\s*)*const \{ WechatSandbox[^}]*\} = await import\('\.\/wechat-sandbox\/sandbox-server\.js'\)/,
    );
    // the demo seed imports the sandbox's openids: it too is loaded only when seeding
    expect(staticImports(bootstrap, /seed-demo|wechat-sandbox/)).toEqual([]);
    expect(bootstrap).toMatch(
      /if \(config\.seedDemo\) \{\s*(\/\/[^\n]*\n\s*)*const \{ seedDemo \} = await import\('\.\/database\/seed\/seed-demo\.js'\)/,
    );
  });
});
