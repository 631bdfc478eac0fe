import { describe, expect, it } from 'vitest';
import { figureRows, previousPeriod, quietSpells } from './agenda.ts';
import { minutesDoc, renderMarkdown } from './minutes.ts';

describe('evaluation agenda pieces', () => {
  it('compares with the period of the same length just before', () => {
    expect(previousPeriod('2019-01-01', '2019-01-31')).toEqual({ from: '2018-12-01', to: '2018-12-31' });
    expect(previousPeriod('2019-03-01', '2019-03-07')).toEqual({ from: '2019-02-22', to: '2019-02-28' });
  });

  it('gives each figure its change and relative change', () => {
    const f = { followers: 1100, growth: 100, growth_pct: 10, posts_per_week: 3, er: 1.5 };
    const rows = figureRows({ x: f }, { x: { ...f, followers: 1000, posts_per_week: 0, er: null } });
    expect(rows.find((r) => r.metric === 'followers')).toEqual({ platform: 'x', metric: 'followers', current: 1100, previous: 1000, change: 100, change_pct: 10 });
    expect(rows.find((r) => r.metric === 'posts_per_week')).toMatchObject({ change: 3, change_pct: null });
    expect(rows.find((r) => r.metric === 'er')).toMatchObject({ change: null, change_pct: null });
  });

  it('finds runs of days without a post, at the edges too', () => {
    expect(quietSpells(['2019-01-10', '2019-01-10', '2019-02-01'], '2019-01-01', '2019-01-31', 7)).toEqual([
      { from: '2019-01-01', to: '2019-01-09', days: 9 },
      { from: '2019-01-11', to: '2019-01-31', days: 21 },
    ]);
    expect(quietSpells([], '2019-01-01', '2019-01-03', 7)).toEqual([]);
    expect(quietSpells([], '2019-01-01', '2019-01-07', 7)).toEqual([{ from: '2019-01-01', to: '2019-01-07', days: 7 }]);
  });
});

describe('minutes in Markdown', () => {
  const base = {
    org: { code: 'BSN', name: 'Badan Standardisasi Nasional' }, kind: 'planning' as const, title: 'Weekly # plan', startsLocal: '2026-05-04 09:00', timezone: 'Asia/Jakarta',
    durationMin: 60, location: null, status: 'held' as const, period: null, attendees: ['Ani', 'Budi'], agenda: [{ title: 'Calendar', notes: null }], agendaData: null,
    minutes: '# not a heading\n- not a list\n\nSecond paragraph', decisions: [], actions: [{ text: 'Write | post', owner: null, dueDate: null, status: 'done' as const }],
  };

  it('keeps what people wrote as text', () => {
    const md = renderMarkdown(minutesDoc(base, 'en'));
    expect(md).toContain('# Minutes: Weekly # plan\n');
    expect(md).toContain('\\# not a heading  \n\\- not a list\n\nSecond paragraph');
    expect(md).toContain('| Write \\| post | – | – | done |');
    expect(md).toContain('## Decisions\n\nNone.');
    expect(md).toContain('- **Duration:** 60 min');
  });

  it('speaks Indonesian', () => {
    const md = renderMarkdown(minutesDoc(base, 'id'));
    expect(md).toContain('# Notulen: Weekly # plan');
    expect(md).toContain('- **Peserta:** Ani, Budi');
    expect(md).toContain('| Write \\| post | – | – | selesai |');
  });
});
