// Logs in to Superset as a person would, opens the dashboard, waits for every chart to finish drawing and fails
// when one shows an error or no data. Saves a screenshot and prints one JSON line with what each chart showed and
// how long a person waited, in milliseconds: for the login form to show (loginPageMs), from clicking "Sign in"
// until every chart was drawn (signInToDrawnMs), from the dashboard's first byte until then (loadMs), and the
// whole way from opening the login page (loginToDrawnMs).
//
//   node check-dashboard.mjs --url http://127.0.0.1:8088 --dashboard trading-today --screenshot out.png
// Login: SUPERSET_ADMIN_USER (default admin) and SUPERSET_ADMIN_PASSWORD; browser: CHROMIUM (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';

const usage = 'usage: node check-dashboard.mjs --url URL --dashboard SLUG_OR_ID --screenshot FILE.png [--charts N] [--timeout-seconds S]';
let options;
try {
  ({ values: options } = parseArgs({
    options: {
      url: { type: 'string' },
      dashboard: { type: 'string' },
      screenshot: { type: 'string' },
      charts: { type: 'string' },
      'timeout-seconds': { type: 'string', default: '120' },
    },
  }));
} catch (error) {
  console.error(`check-dashboard: ${error.message}\n${usage}`);
  process.exit(2);
}
if (!options.url || !options.dashboard || !options.screenshot) {
  console.error(`check-dashboard: --url, --dashboard and --screenshot are required\n${usage}`);
  process.exit(2);
}
const password = process.env.SUPERSET_ADMIN_PASSWORD;
if (!password) {
  console.error('check-dashboard: SUPERSET_ADMIN_PASSWORD is not set');
  process.exit(2);
}
const user = process.env.SUPERSET_ADMIN_USER || 'admin';
const timeout = Number(options['timeout-seconds']) * 1000;
const expectedCharts = options.charts ? Number(options.charts) : undefined;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
let exitCode = 1;
try {
  // Tall enough for the whole dashboard: a full-page screenshot of a shorter viewport resizes it, and the charts
  // draw again while the screenshot is taken.
  const page = await browser.newPage({ viewport: { width: 1600, height: 2100 } });
  page.setDefaultTimeout(timeout);

  // As a person opening the dashboard's link: the login page, then straight to the dashboard (not the welcome page).
  const dashboardPath = `/superset/dashboard/${options.dashboard}/`;
  const startedAt = Date.now();
  await page.goto(`${options.url}/login/?next=${encodeURIComponent(`${dashboardPath}?standalone=1`)}`);
  await page.waitForSelector('input[name="username"], #username');
  const loginPageAt = Date.now();
  await page.fill('input[name="username"], #username', user);
  await page.fill('input[name="password"], #password', password);
  const signInAt = Date.now();
  await Promise.all([
    page.waitForURL((url) => url.pathname === dashboardPath, { timeout, waitUntil: 'commit' }),
    page.click('button[type="submit"], input[type="submit"]'),
  ]);

  const openedAt = Date.now();
  await page.waitForSelector('.dashboard-component-chart-holder');
  // Every chart holder has drawn something (a chart, a table, a number, an error or an empty state) and no
  // spinner is left.
  await page.waitForFunction((count) => {
    const holders = [...document.querySelectorAll('.dashboard-component-chart-holder')];
    if (count !== undefined && holders.length < count) return false;
    if (document.querySelector('.dashboard-component-chart-holder .loading')) return false;
    return holders.every((holder) => holder.querySelector('canvas, svg, table, .header-line, .superset-legacy-chart-big-number, [role="alert"], .ant-empty, .ant-alert')
      || /No results|error/i.test(holder.innerText));
  }, expectedCharts, { timeout, polling: 250 });
  const drawnAt = Date.now();
  const timings = {
    loginPageMs: loginPageAt - startedAt,
    signInToDrawnMs: drawnAt - signInAt,
    loadMs: drawnAt - openedAt,
    loginToDrawnMs: drawnAt - startedAt,
  };
  await page.waitForTimeout(1500); // ECharts' draw animation

  const charts = await page.$$eval('.dashboard-component-chart-holder', (holders) => holders.map((holder) => {
    const title = holder.querySelector('[data-test="editable-title"], .header-title, .editable-title')?.innerText?.trim() ?? '';
    const text = holder.innerText;
    let problem = null;
    if (holder.querySelector('[role="alert"], .ant-alert-error, .alert-danger') || /Unexpected error|Error:|error occurred/i.test(text)) {
      problem = 'error: ' + text.replace(/\s+/g, ' ').slice(0, 300);
    } else if (/No results were returned|No data/i.test(text) || holder.querySelector('.ant-empty')) {
      problem = 'empty';
    } else if (!holder.querySelector('canvas, svg, table tbody tr, .header-line')) {
      problem = 'nothing drawn';
    }
    return { title, problem };
  }));
  await page.screenshot({ path: options.screenshot, fullPage: true });

  const failed = charts.filter((chart) => chart.problem);
  const tooFew = expectedCharts !== undefined && charts.length !== expectedCharts;
  console.log(JSON.stringify({ ...timings, charts, screenshot: options.screenshot }));
  if (tooFew) console.error(`check-dashboard: ${charts.length} charts on the dashboard, expected ${expectedCharts}`);
  for (const chart of failed) console.error(`check-dashboard: chart "${chart.title}": ${chart.problem}`);
  exitCode = failed.length === 0 && !tooFew ? 0 : 1;
} catch (error) {
  console.error(`check-dashboard: ${error.message}`);
} finally {
  await browser.close();
}
process.exit(exitCode);
