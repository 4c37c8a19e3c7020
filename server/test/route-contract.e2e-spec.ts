import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import {
  API_ONLY_ROUTES,
  contractRoutes,
  ROUTE_METHODS,
  ROUTE_TABLES,
  type RouteMethod,
  type RouteTableName,
} from '@jianghuai/shared';
import { createTestApp, type TestContext } from './support/test-app.js';

/**
 * The route contract (docs/architecture.md#tests): the shared route tables, the server's OpenAPI
 * document and the calls in the mini-program's services must name the same routes with the same methods.
 */
const SERVICES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../miniprogram/src/services');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface OpenApiDoc {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], unknown>>>;
}

/** `GET /admin/staff/:id` for every operation of the document (`{id}` → `:id`, without the `/api` prefix). */
function documentedRoutes(doc: OpenApiDoc): Set<string> {
  return new Set(
    Object.entries(doc.paths).flatMap(([p, item]) =>
      METHODS.filter((m) => item[m]).map(
        (m) => `${m.toUpperCase()} ${p.replace(/^\/api(?=\/)/, '').replace(/\{([^}]+)\}/g, ':$1')}`,
      ),
    ),
  );
}

interface ServiceCall {
  where: string;
  method: RouteMethod;
  table: RouteTableName;
  key: string;
}

const isTable = (name: string): name is RouteTableName => Object.hasOwn(ROUTE_TABLES, name);
const PATH_WRAPPERS = new Set(['apiPath', 'absolute']);
const HTTP_METHODS = new Set<string>(['GET', 'POST', 'PUT', 'DELETE']);

/**
 * A call that sends a request, with the method and the index of its path (or `{ url }`) argument:
 * `get(path…)`, `post(path…)`, `http.get/post(path…)`, `http.request('PUT', path…)`, the client's own
 * `send('POST', path…)`, `Taro.uploadFile({ url })` (POST) and `Taro.downloadFile({ url })` (GET).
 */
function requestOf(call: ts.CallExpression): { method: RouteMethod | null; pathArg: number } | null {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  const owner = ts.isPropertyAccessExpression(callee) ? callee.expression.getText() : null;
  if (owner === 'Taro' && name === 'uploadFile') return { method: 'POST', pathArg: 0 };
  if (owner === 'Taro' && name === 'downloadFile') return { method: 'GET', pathArg: 0 };
  if ((name === 'get' || name === 'post') && (owner === null || owner === 'http'))
    return { method: name.toUpperCase() as RouteMethod, pathArg: 0 };
  if ((name === 'request' && owner === 'http') || (name === 'send' && owner === null)) {
    const first = call.arguments[0];
    const literal = first && ts.isStringLiteral(first) && HTTP_METHODS.has(first.text) ? first.text : null;
    return { method: literal as RouteMethod | null, pathArg: 1 };
  }
  return null;
}

/**
 * Every route-table entry the services call, with the method, read from the TypeScript syntax tree of
 * `miniprogram/src/services/**`. Problems: a table entry used outside a request's path, a path extended
 * by hand (`${ROUTES.x}/more`, `+`), or a request whose path comes from no table.
 */
function scanServices(): { calls: ServiceCall[]; problems: string[] } {
  const calls: ServiceCall[] = [];
  const problems: string[] = [];
  const files = readdirSync(SERVICES_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
  for (const file of files) {
    const text = readFileSync(path.join(SERVICES_DIR, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && isTable(node.expression.text))
        calls.push(...tableReference(node, node.expression.text, where(node), problems));
      if (ts.isCallExpression(node)) {
        const request = requestOf(node);
        const pathArg = request && node.arguments[request.pathArg];
        // a path passed through as a parameter (the client's own plumbing) is checked where it is built
        if (pathArg && !isForwardedParameter(pathArg) && !mentionsTable(pathArg))
          problems.push(`${where(node)}: request path not from a shared route table: ${pathArg.getText()}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { calls, problems };
}

/** `path` in `function send(method, path) { … transport(path) … }`: a parameter of an enclosing function. */
function isForwardedParameter(node: ts.Node): boolean {
  if (!ts.isIdentifier(node)) return false;
  for (let scope = node.parent; scope; scope = scope.parent)
    if (ts.isFunctionLike(scope) && scope.parameters.some((p) => p.name.getText() === node.text)) return true;
  return false;
}

function mentionsTable(node: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && isTable(node.expression.text))
    return true;
  return ts.forEachChild(node, mentionsTable) ?? false;
}

/** Walks up from `TABLE.key` to the request that sends it; only path fillers may stand between. */
function tableReference(
  ref: ts.PropertyAccessExpression,
  table: RouteTableName,
  where: string,
  problems: string[],
): ServiceCall[] {
  const key = ref.name.text;
  let filled = false;
  let child: ts.Node = ref;
  for (let node = ref.parent; node && !ts.isSourceFile(node); child = node, node = node.parent) {
    if (
      ts.isTemplateSpan(node) ||
      (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    ) {
      problems.push(`${where}: ${table}.${key} extended by hand; add the full path to the table`);
      return [];
    }
    if (!ts.isCallExpression(node)) continue;
    const request = requestOf(node);
    if (!request) {
      // apiPath() is the one builder that fills `:name` segments; absolute() only puts the host before a
      // path; any other call (`.replace()`, a local helper) would be a second way to build a path
      const callee = ts.isIdentifier(node.expression) ? node.expression.text : '';
      if (PATH_WRAPPERS.has(callee) && node.arguments[0] === child) {
        filled ||= callee === 'apiPath';
        continue;
      }
      problems.push(`${where}: ${table}.${key} filled by ${node.expression.getText()}(); use apiPath()`);
      return [];
    }
    if (node.arguments[request.pathArg] !== child) break;
    if (!filled && (ROUTE_TABLES[table][key as never] as string).includes(':')) {
      problems.push(`${where}: ${table}.${key} sent with its :name segments unfilled; use apiPath()`);
      return [];
    }
    if (!request.method) {
      problems.push(`${where}: ${table}.${key} sent with a method that is not a literal`);
      return [];
    }
    return [{ where, method: request.method, table, key }];
  }
  problems.push(`${where}: ${table}.${key} used outside the path of a request`);
  return [];
}

describe('route contract: shared route tables, the OpenAPI document and the mini-program agree', () => {
  let ctx: TestContext;
  let documented: Set<string>;
  const { calls, problems } = scanServices();
  const called = new Set(calls.map((c) => `${c.method} ${ROUTE_TABLES[c.table][c.key as never] as string}`));

  beforeAll(async () => {
    ctx = await createTestApp();
    documented = documentedRoutes((await ctx.http().get('/api/docs-json').expect(200)).body as OpenApiDoc);
  });
  afterAll(() => ctx.close());

  it('every route of the shared tables is served with the same method and path', () => {
    const routes = contractRoutes();
    expect(routes.length).toBeGreaterThan(80);
    const missing = routes
      .filter((r) => !documented.has(`${r.method} ${r.path}`))
      .map((r) => `${r.table}.${r.key}: ${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it("the mini-program's services send every request to a table route, with a method the table declares", () => {
    expect(calls.length).toBeGreaterThan(60);
    expect(problems).toEqual([]);
    const undeclared = calls
      .filter((c) => !(ROUTE_METHODS[c.table] as Record<string, readonly string[]>)[c.key].includes(c.method))
      .map((c) => `${c.where}: ${c.method} ${c.table}.${c.key}`);
    expect(undeclared).toEqual([]);
  });

  it('every documented route is called by the mini-program or listed as API-only with a reason', () => {
    const apiOnly = Object.entries(API_ONLY_ROUTES);
    const unused = [...documented].filter((r) => !called.has(r) && !Object.hasOwn(API_ONLY_ROUTES, r));
    expect(unused).toEqual([]);
    // the list stays true: each entry documented, not called after all, and with a reason
    expect(apiOnly.filter(([r]) => !documented.has(r)).map(([r]) => `${r} is not documented`)).toEqual([]);
    expect(apiOnly.filter(([r]) => called.has(r)).map(([r]) => `${r} is called by the mini-program`)).toEqual([]);
    expect(apiOnly.filter(([, reason]) => reason.trim().length < 10).map(([r]) => `${r} has no reason`)).toEqual([]);
  });

  it('no route is a PATCH: WeChat’s wx.request cannot send one, so updates are PUTs', () => {
    expect([...documented].filter((r) => r.startsWith('PATCH '))).toEqual([]);
  });
});
