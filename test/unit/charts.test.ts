import { loadImage, createCanvas } from '@napi-rs/canvas';
import { DateTime } from 'luxon';
import { CHART_COLOURS, goalChartSpec, overviewChartSpec, type GoalChartInput, type OverviewLeaderInput } from '../../src/domain/charts';
import { DEFAULT_SCALE, renderChart } from '../../src/domain/charts/render';

const now = DateTime.fromISO('2026-11-30T10:00', { zone: 'Europe/Oslo' });
const input: GoalChartInput = {
  title: 'Øke trivselen på Ålesund-kontoret',
  metricName: 'Medarbeidertilfredshet',
  metricUnit: '%',
  baseline: 62,
  target: 80,
  createdAt: new Date('2026-09-01T08:00:00Z'),
  targetDate: '2027-03-01',
  checkIns: [
    { at: new Date('2026-11-20T08:00:00Z'), value: 71 },
    { at: new Date('2026-09-20T08:00:00Z'), value: 64 },
    { at: new Date('2026-10-15T08:00:00Z'), value: 68.5 },
  ],
  milestones: [
    { title: 'Pulsmåling gjennomført', doneAt: new Date('2026-10-01T08:00:00Z') },
    { title: 'Workshop', doneAt: null },
  ],
};

describe('goal chart spec', () => {
  test('check-ins oldest first, baseline and target lines, target date, milestones on the value line', () => {
    const spec = goalChartSpec(input, { locale: 'en', zone: 'Europe/Oslo', now });
    expect(spec.values.points.map((p) => p.y)).toEqual([64, 68.5, 71]);
    expect(spec.baseline.y).toBe(62);
    expect(spec.target.y).toBe(80);
    expect(spec.targetDate?.x).toBe(DateTime.fromISO('2027-03-01', { zone: 'Europe/Oslo' }).toMillis());
    // Reached on 1 Oct, between the check-ins of 20 Sep (64) and 15 Oct (68.5).
    expect(spec.milestones.points).toHaveLength(1);
    expect(spec.milestones.points[0].y).toBeGreaterThan(64);
    expect(spec.milestones.points[0].y).toBeLessThan(68.5);
    expect(spec.x.min).toBeLessThan(input.createdAt.getTime());
    expect(spec.x.max).toBeGreaterThan(spec.targetDate!.x);
    expect(spec.y.min).toBeLessThanOrEqual(62);
    expect(spec.y.max).toBeGreaterThanOrEqual(80);
  });

  test('labels and alt text in English', () => {
    const spec = goalChartSpec(input, { locale: 'en', zone: 'Europe/Oslo', now });
    expect(spec.title).toBe('Øke trivselen på Ålesund-kontoret');
    expect(spec.subtitle).toBe('Medarbeidertilfredshet: from 62 % to 80 %');
    expect(spec.x.label).toBe('Date');
    expect(spec.y.label).toBe('Medarbeidertilfredshet in %');
    expect(spec.target.label).toBe('Target 80 %');
    expect(spec.baseline.label).toBe('Baseline 62 %');
    expect(spec.targetDate?.label).toBe('Target date 1 Mar 27');
    expect(spec.x.ticks[0].label).toBe('1 Sept 26');
    expect(spec.altText).toBe(
      'Chart of the goal “Øke trivselen på Ålesund-kontoret”: Medarbeidertilfredshet from the baseline 62 % toward the target 80 %. ' +
        'Target date 1 March 2027. 3 check-ins: 71 % on 20 November 2026, 68.5 % on 15 October 2026, 64 % on 20 September 2026. ' +
        'Latest value 71 %, 50 % of the way to the target. 1 of 2 milestones reached.',
    );
  });

  test('labels and alt text in bokmål, decimal comma', () => {
    const spec = goalChartSpec(input, { locale: 'nb', zone: 'Europe/Oslo', now });
    expect(spec.subtitle).toBe('Medarbeidertilfredshet: fra 62 % til 80 %');
    expect(spec.x.label).toBe('Dato');
    expect(spec.y.label).toBe('Medarbeidertilfredshet i %');
    expect(spec.target.label).toBe('Målverdi 80 %');
    expect(spec.baseline.label).toBe('Utgangsverdi 62 %');
    expect(spec.values.label).toBe('Fremdriftsoppdateringer');
    expect(spec.milestones.label).toBe('Delmål nådd');
    expect(spec.x.ticks[0].label).toBe('1. sep. 26');
    expect(spec.numberLocale).toBe('nb-NO');
    expect(spec.altText).toBe(
      'Diagram for målet «Øke trivselen på Ålesund-kontoret»: Medarbeidertilfredshet fra utgangsverdien 62 % mot målverdien 80 %. ' +
        'Måldato 1. mars 2027. 3 fremdriftsoppdateringer: 71 % den 20. november 2026, 68,5 % den 15. oktober 2026, 64 % den 20. september 2026. ' +
        'Siste verdi 71 %, 50 % av veien til målverdien. 1 av 2 delmål nådd.',
    );
  });

  test('a goal without check-ins says so; a falling target (less is better) counts progress downwards', () => {
    const none = goalChartSpec({ ...input, checkIns: [], milestones: [] }, { locale: 'en', zone: 'Europe/Oslo', now });
    expect(none.values.points).toEqual([]);
    expect(none.altText).toContain('No check-ins yet.');
    expect(none.altText).not.toContain('milestones');
    const down = goalChartSpec(
      { ...input, metricName: 'Sick leave', baseline: 8, target: 5, checkIns: [{ at: new Date('2026-11-01T08:00:00Z'), value: 6.5 }], milestones: [] },
      { locale: 'en', zone: 'Europe/Oslo', now },
    );
    expect(down.altText).toContain('Latest value 6.5 %, 50 % of the way to the target.');
  });

  test('many check-ins stay within Slack’s 2000-character alt text, newest named first', () => {
    const checkIns = Array.from({ length: 200 }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1 + i)), value: 62 + i / 10 }));
    const spec = goalChartSpec({ ...input, createdAt: new Date('2026-01-01T00:00:00Z'), checkIns }, { locale: 'en', zone: 'Europe/Oslo', now });
    expect(spec.altText.length).toBeLessThanOrEqual(2000);
    expect(spec.altText).toContain('200 check-ins: 81.9 % on 19 July 2026');
    expect(spec.altText).toMatch(/and \d+ more\./);
  });
});

describe('overview chart spec', () => {
  const leaders: OverviewLeaderInput[] = [
    {
      name: 'Åse Ødegård',
      goals: [
        { title: 'Sykefravær', baseline: 8, target: 5, currentValue: 6.5, status: 'ACTIVE' },
        { title: 'Kultur', baseline: null, target: null, currentValue: null, status: 'ACTIVE' },
        { title: 'Onboarding', baseline: 0, target: 10, currentValue: 4, status: 'ACHIEVED' },
      ],
    },
    { name: 'Bjørn', goals: [] },
  ];

  test('one bar per goal, progress in percent, achieved at 100 %, goals without a metric marked', () => {
    const spec = overviewChartSpec(leaders, '2026-11-30', { locale: 'en', zone: 'Europe/Oslo', now });
    expect(spec.bars).toEqual([
      { label: 'Åse Ødegård · Sykefravær', leader: 'Åse Ødegård', percent: 50, achieved: false },
      { label: 'Åse Ødegård · Kultur', leader: 'Åse Ødegård', percent: null, achieved: false },
      { label: 'Åse Ødegård · Onboarding', leader: 'Åse Ødegård', percent: 100, achieved: true },
    ]);
    expect(spec.title).toBe('Progress toward target');
    expect(spec.subtitle).toBe('2 leaders, 3 goals · week 49');
    expect(spec.altText).toBe(
      'Progress toward target of 2 leaders’ 3 goals. Åse Ødegård’s goals: Sykefravær 50 %, Kultur no metric, Onboarding achieved. Bjørn’s goals: no goals yet.',
    );
  });

  test('in bokmål', () => {
    const spec = overviewChartSpec(leaders, '2026-11-30', { locale: 'nb', zone: 'Europe/Oslo', now });
    expect(spec.title).toBe('Fremdrift mot målverdi');
    expect(spec.subtitle).toBe('2 ledere, 3 mål · uke 49');
    expect(spec.x.label).toBe('Fremdrift mot målverdien (%)');
    expect(spec.altText).toBe(
      'Fremdrift mot målverdi for 3 mål hos 2 ledere. Målene til Åse Ødegård: Sykefravær: 50 %, Kultur: ingen indikator, Onboarding: nådd. Målene til Bjørn: ingen mål ennå.',
    );
  });

  test('in nynorsk', () => {
    const spec = overviewChartSpec(leaders, '2026-11-30', { locale: 'nn', zone: 'Europe/Oslo', now });
    expect(spec.title).toBe('Framdrift mot målverdi');
    expect(spec.subtitle).toBe('2 leiarar, 3 mål · veke 49');
    expect(spec.x.label).toBe('Framdrift mot målverdien (%)');
    expect(spec.altText).toBe(
      'Framdrift mot målverdi for 3 mål hos 2 leiarar. Måla til Åse Ødegård: Sykefravær: 50 %, Kultur: ingen indikator, Onboarding: nådd. Måla til Bjørn: ingen mål enno.',
    );
  });

  test('10 leaders × 5 goals: every leader named within 2000 characters', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({
      name: `Leder ${i + 1}`,
      goals: Array.from({ length: 5 }, (_, j) => ({ title: `Et ganske langt mål nummer ${j + 1}`, baseline: 0, target: 100, currentValue: j * 20, status: 'ACTIVE' as const })),
    }));
    const spec = overviewChartSpec(many, '2026-11-30', { locale: 'nb', zone: 'Europe/Oslo', now });
    expect(spec.bars).toHaveLength(50);
    expect(spec.altText.length).toBeLessThanOrEqual(2000);
    for (let i = 1; i <= 10; i += 1) expect(spec.altText).toContain(`Målene til Leder ${i}:`);
  });
});

/** Decodes a PNG into RGBA pixels. */
async function pixels(png: Buffer) {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  return {
    width: img.width,
    height: img.height,
    at: (x: number, y: number) => {
      const i = (y * img.width + x) * 4;
      return [data[i], data[i + 1], data[i + 2], data[i + 3]];
    },
  };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const near = (a: number[], b: number[], tolerance = 24) => a.slice(0, 3).every((v, i) => Math.abs(v - b[i]) <= tolerance);

describe('rendering', () => {
  test('a goal chart is a PNG of the spec’s size, not blank, with the target line where the target is', async () => {
    const spec = goalChartSpec(input, { locale: 'nb', zone: 'Europe/Oslo', now });
    const out = renderChart(spec);
    expect(out.png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const img = await pixels(out.png);
    expect([img.width, img.height]).toEqual([spec.width * DEFAULT_SCALE, spec.height * DEFAULT_SCALE]);
    expect([out.width, out.height]).toEqual([img.width, img.height]);

    // Not blank: many distinct colours, and the background is opaque white.
    const seen = new Set<string>();
    for (let y = 0; y < img.height; y += 7) for (let x = 0; x < img.width; x += 7) seen.add(img.at(x, y).join(','));
    expect(seen.size).toBeGreaterThan(50);
    expect(img.at(2, 2)).toEqual([255, 255, 255, 255]);

    // The dashed target line: along its row, many pixels have the target colour; a row well below it has none.
    const target = rgb(CHART_COLOURS.target);
    const row = (y: number) => {
      let hits = 0;
      for (let x = out.marks.plotLeft; x < out.marks.plotRight; x += 1) if (near(img.at(x, y), target)) hits += 1;
      return hits;
    };
    expect(row(out.marks.targetY!)).toBeGreaterThan((out.marks.plotRight - out.marks.plotLeft) / 3);
    expect(row(Math.round((out.marks.targetY! + out.marks.baselineY!) / 2))).toBe(0);
    // The target date's vertical line.
    const dateColour = rgb(CHART_COLOURS.targetDate);
    let onDate = 0;
    for (let y = out.marks.plotTop; y < out.marks.plotBottom; y += 1) if (near(img.at(out.marks.targetDateX!, y), dateColour)) onDate += 1;
    expect(onDate).toBeGreaterThan((out.marks.plotBottom - out.marks.plotTop) / 3);
  });

  test('the same spec gives the same bytes (so an upload is found again by its hash); another spec does not', () => {
    const spec = goalChartSpec(input, { locale: 'en', zone: 'Europe/Oslo', now });
    const a = renderChart(spec).png;
    renderChart(overviewChartSpec([{ name: 'X', goals: [] }], '2026-11-30', { locale: 'en', zone: 'Europe/Oslo', now }));
    const b = renderChart(spec).png;
    expect(b.equals(a)).toBe(true);
    const nb = renderChart(goalChartSpec(input, { locale: 'nb', zone: 'Europe/Oslo', now })).png;
    expect(nb.equals(a)).toBe(false);
  });

  test('the overview renders every bar, the target line at 100 %', async () => {
    const leaders = Array.from({ length: 10 }, (_, i) => ({
      name: `Leder ${i + 1}`,
      goals: Array.from({ length: 5 }, (_, j) => ({ title: `Mål ${j + 1}`, baseline: 0, target: 100, currentValue: 10 + j * 10, status: 'ACTIVE' as const })),
    }));
    const spec = overviewChartSpec(leaders, '2026-11-30', { locale: 'nb', zone: 'Europe/Oslo', now });
    const out = renderChart(spec, { scale: 1 });
    const img = await pixels(out.png);
    expect([img.width, img.height]).toEqual([spec.width, spec.height]);
    const bar = rgb(CHART_COLOURS.bar);
    let barRows = 0;
    const x = out.marks.plotLeft + 3;
    for (let y = out.marks.plotTop; y < out.marks.plotBottom; y += 1) if (near(img.at(x, y), bar)) barRows += 1;
    expect(barRows).toBeGreaterThan(50 * 10);
    const target = rgb(CHART_COLOURS.target);
    let onTarget = 0;
    for (let y = out.marks.plotTop; y < out.marks.plotBottom; y += 1) if (near(img.at(out.marks.targetDateX!, y), target)) onTarget += 1;
    expect(onTarget).toBeGreaterThan((out.marks.plotBottom - out.marks.plotTop) / 3);
  });
});
