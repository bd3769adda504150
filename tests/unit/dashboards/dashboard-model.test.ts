import { describe, expect, it } from 'vitest';
import { accountsBehind, FigureGrid, type BuiltDashboard } from '../../../src-shared/dashboards/dashboard-model';

describe('FigureGrid', () => {
  it('adds amounts per cell and lists each account once', () => {
    const grid = new FigureGrid(['accounts', 'arr'], ['low', 'high']);
    grid.add('accounts', 'low', 'a');
    grid.add('accounts', 'low', 'a'); // a second touchpoint at the same account
    grid.add('accounts', 'low', 'b');
    grid.add('arr', 'high', 'c', 1_500);
    grid.add('arr', 'high', 'd', 2_500);
    // accounts/low: 1 + 1 + 1 = 3 from a and b; arr/high: 1500 + 2500 = 4000 from c and d.
    expect(grid.seriesValues('accounts')).toEqual([3, 0]);
    expect(grid.seriesValues('arr')).toEqual([0, 4_000]);
    expect(grid.accountsOf('accounts', 'low')).toEqual(['a', 'b']);
    expect(grid.accountsOf('arr', 'high')).toEqual(['c', 'd']);
    expect(grid.accountsOf('arr', 'low')).toEqual([]);
  });

  it('lists the accounts in the order of the figure drawn from it, not its own', () => {
    const grid = new FigureGrid(['renewals', 'arrAtRisk'], ['d30', 'd60']);
    grid.add('renewals', 'd30', 'a');
    grid.add('arrAtRisk', 'd60', 'b', 100);
    const label = { text: '' };
    // The chart stacks ARR at risk first and shows the windows the other way round.
    const figure = {
      series: [{ key: 'arrAtRisk', label, unit: 'currency' as const, values: [] }, { key: 'renewals', label, unit: 'count' as const, values: [] }],
      categories: [{ key: 'd60', label }, { key: 'd30', label }],
    };
    expect(grid.accountsFor(figure)).toEqual([[['b'], []], [[], ['a']]]);
  });

  it('ignores unknown series and categories', () => {
    const grid = new FigureGrid(['accounts'], ['low']);
    grid.add('nope', 'low', 'a');
    grid.add('accounts', 'nope', 'a');
    grid.set('accounts', 'nope', 9, ['a']);
    expect(grid.seriesValues('accounts')).toEqual([0]);
    expect(grid.accountsOf('accounts', 'low')).toEqual([]);
    expect(grid.accountsOf('nope', 'low')).toEqual([]);
    expect(grid.seriesValues('nope')).toEqual([]);
  });

  it('sets a computed value with its accounts, replacing what was there', () => {
    const grid = new FigureGrid(['rate'], ['2026-10']);
    grid.add('rate', '2026-10', 'old', 5);
    grid.set('rate', '2026-10', 1 / 7, ['c1', 'c1']);
    expect(grid.seriesValues('rate')).toEqual([1 / 7]);
    expect(grid.accountsOf('rate', '2026-10')).toEqual(['c1']);
    grid.set('rate', '2026-10', null, []);
    expect(grid.seriesValues('rate')).toEqual([null]);
  });

  it('hands out copies, so a figure cannot change the grid behind it', () => {
    const grid = new FigureGrid(['accounts'], ['low']);
    grid.add('accounts', 'low', 'a');
    grid.seriesValues('accounts')[0] = 99;
    grid.accountsOf('accounts', 'low').push('zz');
    expect(grid.seriesValues('accounts')).toEqual([1]);
    expect(grid.accountsOf('accounts', 'low')).toEqual(['a']);
  });
});

describe('accountsBehind', () => {
  const built: BuiltDashboard = {
    dashboard: {
      name: 'executive', asOf: '2026-11-20T10:00:00.000Z',
      kpis: [{ id: 'arr', unit: 'currency', value: 3_000, n: 2 }],
      figures: [{
        id: 'riskBands', chart: 'bar',
        categories: [{ key: 'high', label: { band: 'high' } }, { key: 'low', label: { band: 'low' } }],
        series: [
          { key: 'accounts', label: { key: 'dash.series.accounts' }, unit: 'count', values: [1, 1] },
          { key: 'arr', label: { key: 'dash.series.arr' }, unit: 'currency', values: [1_000, 2_000] },
        ],
      }],
    },
    accounts: { kpis: { arr: ['a', 'b'] }, figures: { riskBands: [[['a'], ['b']], [['a'], ['b']]] } },
  };

  it('finds a KPI’s and a figure value’s accounts by key', () => {
    expect(accountsBehind(built, { kind: 'kpi', id: 'arr' })).toEqual(['a', 'b']);
    expect(accountsBehind(built, { kind: 'figure', id: 'riskBands', series: 'arr', category: 'low' })).toEqual(['b']);
    expect(accountsBehind(built, { kind: 'figure', id: 'riskBands', series: 'accounts', category: 'high' })).toEqual(['a']);
  });

  it('is null for an unknown KPI, figure, series or category', () => {
    expect(accountsBehind(built, { kind: 'kpi', id: 'nps' })).toBeNull();
    expect(accountsBehind(built, { kind: 'figure', id: 'renewals', series: 'arr', category: 'low' })).toBeNull();
    expect(accountsBehind(built, { kind: 'figure', id: 'riskBands', series: 'renewals', category: 'low' })).toBeNull();
    expect(accountsBehind(built, { kind: 'figure', id: 'riskBands', series: 'arr', category: 'medium' })).toBeNull();
    // A hand-typed link must not reach Object.prototype.
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(accountsBehind(built, { kind: 'kpi', id }), id).toBeNull();
      expect(accountsBehind(built, { kind: 'figure', id, series: 'arr', category: 'low' }), id).toBeNull();
    }
  });
});
