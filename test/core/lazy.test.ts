import { describe, expect, it } from 'vitest';
import { lazy } from '../../src/core/lazy';
import * as z from '../../src/core/zod-vi';

describe('lazy: built on first use, then the same object', () => {
  it('builds nothing until read, once after', () => {
    let builds = 0;
    const table = lazy(() => {
      builds++;
      return { a: 1, b: 2 } as Record<string, number>;
    });
    expect(builds).toBe(0);
    expect(table.a).toBe(1);
    expect(Object.keys(table)).toEqual(['a', 'b']);
    expect(Object.entries(table)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect('b' in table).toBe(true);
    expect(builds).toBe(1);
  });

  it('a lazy zod schema parses, nests, and reads as its kind', () => {
    let builds = 0;
    const Day = lazy(() => {
      builds++;
      return z.number().check(z.int(), z.gte(1, { message: 'Ngày phải từ 1.' }));
    });
    const Trip = lazy(() => z.object({ days: Day, ban: z.string() }));
    expect(builds).toBe(0);
    expect(Trip.parse({ days: 3, ban: 'Ban Tuyên giáo' })).toEqual({ days: 3, ban: 'Ban Tuyên giáo' });
    const refused = Trip.safeParse({ days: 0, ban: 'x' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('Ngày phải từ 1.');
    expect(z.partial(Trip).parse({})).toEqual({});
    expect(Day instanceof z.ZodMiniNumber).toBe(true);
    expect(builds).toBe(1);
  });
});
