import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  SubTitle,
  Title,
  type ChartConfiguration,
  type ChartItem,
  type Plugin,
} from 'chart.js';
import { CHART_COLOURS, type ChartSpec, type GoalChartSpec, type OverviewChartSpec } from './spec';

/**
 * Spec → PNG bytes, on the server: Chart.js draws on @napi-rs/canvas (Skia, shipped as a prebuilt
 * binary inside an npm platform package: no browser, no network, no install script). The font is
 * DejaVu Sans from the `dejavu-fonts-ttf` npm package (covers æøå), registered once per process.
 */
Chart.register(LineController, ScatterController, BarController, LineElement, PointElement, BarElement, LinearScale, CategoryScale, Title, SubTitle, Legend);

export const CHART_FONT = 'DejaVu Sans';
let fontsReady = false;
function ensureFonts(): void {
  if (fontsReady) return;
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    GlobalFonts.registerFromPath(require.resolve(`dejavu-fonts-ttf/ttf/${file}`), CHART_FONT);
  }
  Chart.defaults.font.family = CHART_FONT;
  Chart.defaults.color = CHART_COLOURS.text;
  fontsReady = true;
}

export interface RenderedChart {
  png: Buffer;
  /** Size in pixels of the PNG. */
  width: number;
  height: number;
  /** Where some marks landed, in PNG pixels (tests look for their colour there). */
  marks: { targetY?: number; baselineY?: number; targetDateX?: number; plotLeft: number; plotRight: number; plotTop: number; plotBottom: number };
}

export interface RenderOptions {
  /** Pixel density: 1.5 (the default) draws an 800×450 chart on 1200×675 pixels, crisp in Slack. */
  scale?: number;
}

/** The default pixel density: sharp on high-density screens, cheap enough to encode (PNG encoding dominates). */
export const DEFAULT_SCALE = 1.5;

/**
 * Canvases by size, reused: a canvas's pixels live in native memory that V8 does not count, so
 * a new canvas per picture lets the process grow by gigabytes before a GC frees any. Rendering is
 * synchronous, so one canvas per size is never drawn on by two charts at once.
 */
const canvases = new Map<string, Canvas>();
function canvasFor(width: number, height: number): Canvas {
  const key = `${width}x${height}`;
  let canvas = canvases.get(key);
  if (!canvas) {
    if (canvases.size >= 16) canvases.clear();
    canvas = createCanvas(width, height);
    canvases.set(key, canvas);
  }
  return canvas;
}

/** Paints the background (a PNG is transparent otherwise, and Slack's dark mode would show through). */
const background: Plugin = {
  id: 'followupBackground',
  beforeDraw(chart) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = CHART_COLOURS.background;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export function renderChart(spec: ChartSpec, options: RenderOptions = {}): RenderedChart {
  ensureFonts();
  const scale = options.scale ?? DEFAULT_SCALE;
  // Chart.js sets the canvas to width × height × devicePixelRatio itself.
  const canvas = canvasFor(spec.width, spec.height);
  // Back to the layout size (the last chart left it scaled, or emptied on destroy).
  canvas.width = spec.width;
  canvas.height = spec.height;
  const ctx = canvas.getContext('2d') as SKRSContext2D;
  const config = spec.kind === 'goal' ? goalConfig(spec, scale) : overviewConfig(spec, scale);
  // Chart.js types its context as the DOM's; Skia's context implements what Chart.js uses.
  const chart = new Chart(ctx as unknown as ChartItem, config as ChartConfiguration);
  try {
    const area = chart.chartArea;
    const s = (v: number) => Math.round(v * scale);
    const marks: RenderedChart['marks'] = { plotLeft: s(area.left), plotRight: s(area.right), plotTop: s(area.top), plotBottom: s(area.bottom) };
    if (spec.kind === 'goal') {
      marks.targetY = s(chart.scales.y.getPixelForValue(spec.target.y));
      marks.baselineY = s(chart.scales.y.getPixelForValue(spec.baseline.y));
      if (spec.targetDate) marks.targetDateX = s(chart.scales.x.getPixelForValue(spec.targetDate.x));
    } else {
      marks.targetDateX = s(chart.scales.x.getPixelForValue(100));
    }
    return { png: canvas.toBuffer('image/png'), width: canvas.width, height: canvas.height, marks };
  } finally {
    chart.destroy();
  }
}

function numberFormat(locale: string) {
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (v: number | string) => f.format(Number(v));
}

function goalConfig(spec: GoalChartSpec, scale: number): ChartConfiguration<'line' | 'scatter'> {
  const flat = (y: number) => [
    { x: spec.x.min, y },
    { x: spec.x.max, y },
  ];
  const tickLabels = new Map(spec.x.ticks.map((t) => [t.value, t.label]));
  const fmt = numberFormat(spec.numberLocale);
  const datasets: ChartConfiguration<'line' | 'scatter'>['data']['datasets'] = [
    {
      type: 'line',
      label: spec.values.label,
      data: spec.values.points,
      borderColor: CHART_COLOURS.values,
      backgroundColor: CHART_COLOURS.values,
      borderWidth: 3,
      pointRadius: 4,
      tension: 0,
      order: 1,
    },
    {
      type: 'scatter',
      label: spec.milestones.label,
      data: spec.milestones.points.map((p) => ({ x: p.x, y: p.y })),
      backgroundColor: CHART_COLOURS.milestone,
      borderColor: CHART_COLOURS.text,
      borderWidth: 1,
      pointStyle: 'triangle',
      pointRadius: 9,
      order: 0,
    },
    { type: 'line', label: spec.target.label, data: flat(spec.target.y), borderColor: CHART_COLOURS.target, backgroundColor: CHART_COLOURS.target, borderWidth: 3, borderDash: [10, 5], pointRadius: 0, order: 2 },
    { type: 'line', label: spec.baseline.label, data: flat(spec.baseline.y), borderColor: CHART_COLOURS.baseline, backgroundColor: CHART_COLOURS.baseline, borderWidth: 2, borderDash: [4, 4], pointRadius: 0, order: 3 },
  ];
  if (spec.targetDate) {
    datasets.push({
      type: 'line',
      label: spec.targetDate.label,
      data: [
        { x: spec.targetDate.x, y: spec.y.min },
        { x: spec.targetDate.x, y: spec.y.max },
      ],
      borderColor: CHART_COLOURS.targetDate,
      backgroundColor: CHART_COLOURS.targetDate,
      borderWidth: 2,
      borderDash: [6, 4],
      pointRadius: 0,
      order: 4,
    });
  }
  return {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: scale,
      parsing: false,
      plugins: {
        title: { display: true, text: spec.title, font: { size: 18, weight: 'bold' }, padding: { top: 8, bottom: 2 } },
        subtitle: { display: true, text: spec.subtitle, font: { size: 13 }, padding: { bottom: 8 } },
        legend: { position: 'bottom', labels: { usePointStyle: true, boxHeight: 8, font: { size: 12 } } },
      },
      scales: {
        x: {
          type: 'linear',
          min: spec.x.min,
          max: spec.x.max,
          title: { display: true, text: spec.x.label },
          grid: { color: CHART_COLOURS.grid },
          afterBuildTicks: (axis) => {
            axis.ticks = spec.x.ticks.map((t) => ({ value: t.value }));
          },
          ticks: { callback: (value) => tickLabels.get(Number(value)) ?? '', autoSkip: false, maxRotation: 0 },
        },
        y: {
          type: 'linear',
          suggestedMin: spec.y.min,
          suggestedMax: spec.y.max,
          title: { display: true, text: spec.y.label },
          grid: { color: CHART_COLOURS.grid },
          ticks: { callback: (value) => fmt(value) },
        },
      },
    },
    plugins: [background],
  };
}

function overviewConfig(spec: OverviewChartSpec, scale: number): ChartConfiguration<'bar'> {
  const fmt = numberFormat(spec.numberLocale);
  const valueLabels: Plugin<'bar'> = {
    id: 'followupValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.font = `12px "${CHART_FONT}"`;
      ctx.textBaseline = 'middle';
      ctx.fillStyle = CHART_COLOURS.text;
      spec.bars.forEach((bar, i) => {
        const el = meta.data[i] as unknown as { x: number; y: number } | undefined;
        if (!el) return;
        const text = bar.achieved ? `${fmt(100)} % · ${spec.achievedLabel}` : bar.percent === null ? spec.noMetricLabel : `${fmt(bar.percent)} %`;
        const x = Math.min(el.x + 6, chart.chartArea.right - ctx.measureText(text).width - 4);
        ctx.fillText(text, Math.max(chart.chartArea.left + 4, x), el.y);
      });
      // The target: 100 % of the way.
      const x100 = chart.scales.x.getPixelForValue(100);
      ctx.strokeStyle = CHART_COLOURS.target;
      ctx.lineWidth = 3;
      ctx.setLineDash([10, 5]);
      ctx.beginPath();
      ctx.moveTo(x100, chart.chartArea.top);
      ctx.lineTo(x100, chart.chartArea.bottom);
      ctx.stroke();
      ctx.restore();
    },
  };
  return {
    type: 'bar',
    data: {
      labels: spec.bars.map((b) => b.label),
      datasets: [
        {
          label: spec.progressLabel,
          data: spec.bars.map((b) => (b.achieved ? 100 : (b.percent ?? 0))),
          backgroundColor: spec.bars.map((b) => (b.achieved ? CHART_COLOURS.barAchieved : CHART_COLOURS.bar)),
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: false,
      devicePixelRatio: scale,
      layout: { padding: { right: 16 } },
      plugins: {
        title: { display: true, text: spec.title, font: { size: 18, weight: 'bold' }, padding: { top: 8, bottom: 2 } },
        subtitle: { display: true, text: spec.subtitle, font: { size: 13 }, padding: { bottom: 8 } },
        legend: { display: false },
      },
      scales: {
        x: { type: 'linear', min: 0, max: 125, title: { display: true, text: spec.x.label }, grid: { color: CHART_COLOURS.grid }, ticks: { stepSize: 20, callback: (v) => (Number(v) <= 100 ? fmt(v) : '') } },
        y: { type: 'category', grid: { display: false }, ticks: { autoSkip: false, font: { size: 12 } } },
      },
    },
    plugins: [background, valueLabels],
  };
}
