// Server module boundaries, enforced by lint (eslint-plugin-boundaries; see docs/architecture.md "Module boundaries").
// Each folder under server/src/modules/ owns its tables: only its own files import its entities (`*.entity.ts`,
// `entities/**`). Other modules call what it exports (a service or a small query class from its Nest module), and
// a module imports only the modules listed for it below. The table must stay acyclic: loading this file checks it.

import { readdirSync } from 'node:fs';

/** module → the modules it may import (besides itself). */
export const MODULE_DEPENDENCIES = {
  health: [],
  files: [],
  wechat: [],
  org: [],
  audit: ['org'],
  users: ['org'],
  notifications: ['users', 'wechat'],
  companies: ['org', 'users', 'audit'],
  volunteers: ['org', 'users', 'companies', 'notifications', 'audit'],
  roster: ['companies', 'volunteers', 'audit'],
  applications: ['org', 'users', 'companies', 'volunteers', 'roster', 'notifications', 'wechat', 'audit'],
  points: ['org', 'volunteers', 'notifications', 'audit'],
  teams: ['org', 'volunteers', 'audit'],
  wartime: ['org', 'volunteers', 'audit'],
  activities: [
    'org',
    'users',
    'companies',
    'volunteers',
    'applications',
    'points',
    'notifications',
    'teams',
    'audit',
    'wartime',
  ],
  insurance: ['org', 'volunteers', 'teams', 'activities', 'audit'],
  sms: [],
  tips: ['org', 'users', 'volunteers', 'notifications', 'files', 'audit', 'points'],
  casework: ['org', 'users', 'companies', 'volunteers', 'notifications', 'files', 'audit', 'tips'],
  payments: [],
  alerts: ['org', 'users', 'companies', 'volunteers', 'teams', 'activities', 'notifications', 'sms', 'files', 'audit'],
  callups: [
    'org',
    'users',
    'volunteers',
    'teams',
    'activities',
    'points',
    'notifications',
    'sms',
    'files',
    'audit',
    'wartime',
  ],
  mall: ['org', 'users', 'volunteers', 'points', 'files', 'audit', 'payments', 'notifications'],
  inspections: ['org', 'companies', 'files', 'audit'],
  honesty: ['org', 'volunteers', 'roster', 'applications', 'activities', 'audit'],
  stats: [
    'org',
    'volunteers',
    'roster',
    'companies',
    'applications',
    'activities',
    'teams',
    'tips',
    'points',
    'targets',
    'callups',
  ],
  jobs: [
    'users',
    'volunteers',
    'applications',
    'activities',
    'notifications',
    'sms',
    'tips',
    'casework',
    'mall',
    'points',
    'honesty',
    'audit',
    'stats',
  ],
  staff: ['org', 'users', 'audit', 'auth'],
  auth: ['org', 'users', 'volunteers', 'wechat', 'audit'],
  targets: ['org', 'audit'],
  reports: ['org', 'audit', 'stats', 'targets'],
};

/** The modules in an order where each comes after everything it imports; throws on a cycle or an unknown name. */
export function moduleOrder(table = MODULE_DEPENDENCIES) {
  const order = [];
  const state = new Map(); // name → 'visiting' | 'done'
  const visit = (name, path) => {
    if (!(name in table)) throw new Error(`Module boundaries: unknown module "${name}" (in ${path.join(' → ')})`);
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      throw new Error(`Module boundaries: cycle ${[...path.slice(path.indexOf(name)), name].join(' → ')}`);
    }
    state.set(name, 'visiting');
    for (const dep of table[name]) visit(dep, [...path, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of Object.keys(table)) visit(name, []);
  return order;
}

/** The eslint flat-config block for server/src/modules/**. */
export function moduleBoundariesConfig(boundaries, table = MODULE_DEPENDENCIES) {
  moduleOrder(table);
  // a module folder without a row may import no other module (lint names each such import) until it gets one
  const folders = readdirSync(new URL('../server/src/modules/', import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const names = [...new Set([...Object.keys(table), ...folders])];
  table = Object.fromEntries(names.map((name) => [name, table[name] ?? []]));
  return {
    files: ['server/src/modules/**/*.ts'],
    ignores: ['server/src/modules/**/*.spec.ts'], // unit tests wire a module's collaborators from their entities
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: 'server/tsconfig.json' } },
      'boundaries/elements': [{ type: 'module', pattern: 'server/src/modules/*', capture: ['module'] }],
      'boundaries/files': [
        { category: 'entity', pattern: '**/*.entity.ts' },
        { category: 'entity', pattern: '**/entities/**' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message:
            'Module "{{ from.element.captured.module }}" may not import module "{{ to.element.captured.module }}" (the allowed modules are listed in .ci/module-boundaries.mjs).',
          policies: names.flatMap((name) => [
            {
              from: { element: { type: 'module', captured: { module: name } } },
              allow: [name, ...table[name]].map((dep) => ({
                to: { element: { type: 'module', captured: { module: dep } } },
              })),
            },
            {
              from: { element: { type: 'module', captured: { module: name } } },
              disallow: {
                to: { element: { type: 'module', captured: { module: `!${name}` } }, file: { categories: 'entity' } },
              },
              message: `Module "${name}" may not import another module's entity: call a service or query class it exports.`,
            },
          ]),
        },
      ],
    },
  };
}
