export * from './roles.js';
export * from './errors.js';
export * from './api.js';
export * from './pii.js';
export * from './idcard.js';
export * from './geo.js';
