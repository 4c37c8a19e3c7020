import { logger } from './logger.js';
import { requestContext } from './request-context.js';

describe('JsonLogger', () => {
  let lines: string[];
  let restore: () => void;
  beforeEach(() => {
    lines = [];
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
    restore = () => {
      process.stdout.write = out;
      process.stderr.write = err;
    };
    logger.level = 'info';
  });
  afterEach(() => restore());

  it('writes one JSON object per line carrying the request id of the request being served', () => {
    requestContext.run({ requestId: 'req-12345678' }, () => logger.info('http', { status: 200 }));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', requestId: 'req-12345678', msg: 'http', status: 200 });
  });

  it("keeps Nest's (message, stack, context) error calls readable", () => {
    logger.error('boom', 'Error: boom\n    at x', 'ExceptionsHandler');
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'error',
      msg: 'boom',
      stack: 'Error: boom\n    at x',
      context: 'ExceptionsHandler',
    });
  });

  it('drops lines below the configured level', () => {
    logger.level = 'warn';
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['loud']);
  });
});
