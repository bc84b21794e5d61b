// Headless Chromium for the PDF of the compliance summary (and the report's browser checks).
// Flags keep it from phoning home: no sync, no component updates, no background networking.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const QUIET_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function findChromium(path: string = CHROMIUM_PATH): string | undefined {
  return existsSync(path) ? path : undefined;
}

/** A local file path becomes a file:// URL; http://127.0.0.1 URLs pass through. */
export function toUrl(target: string): string {
  return /^[a-z]+:\/\//i.test(target) ? target : pathToFileURL(resolve(target)).href;
}

export interface ChromiumRun {
  stdout: string;
  stderr: string;
}

export async function runHeadless(
  chromium: string,
  args: string[],
  target: string,
  timeoutMs = 60_000,
): Promise<ChromiumRun> {
  const profile = mkdtempSync(join(tmpdir(), 'qmt-chromium-'));
  const argv = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    ...QUIET_FLAGS,
    `--user-data-dir=${profile}`,
    ...args,
    toUrl(target),
  ];
  try {
    return await new Promise<ChromiumRun>((done, fail) => {
      execFile(chromium, argv, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
        if (err)
          fail(new Error(`chromium failed (${err.message.split('\n')[0]}): ${String(stderr).trim().slice(-400)}`));
        else done({ stdout: String(stdout), stderr: String(stderr) });
      });
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Chromium's `--print-to-pdf` takes no footer template, so "page N of M" needs the DevTools
 * protocol's Page.printToPDF. puppeteer-core speaks it to the installed Chromium over a pipe (no
 * port is opened, no browser downloaded). The footer's page counters are Chromium's own
 * (`pageNumber`, `totalPages`); `footer` is plain text shown to their left.
 */
export async function printToPdf(
  chromium: string,
  htmlFile: string,
  pdfFile: string,
  footer = '',
  timeoutMs = 60_000,
): Promise<string> {
  const { launch } = await import('puppeteer-core');
  const profile = mkdtempSync(join(tmpdir(), 'qmt-chromium-'));
  const browser = await launch({
    executablePath: chromium,
    pipe: true,
    headless: true,
    userDataDir: profile,
    timeout: timeoutMs,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', ...QUIET_FLAGS],
  });
  try {
    const page = await browser.newPage();
    await page.goto(toUrl(htmlFile), { waitUntil: 'load', timeout: timeoutMs });
    await page.pdf({
      path: resolve(pdfFile),
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(footer),
      timeout: timeoutMs,
    });
  } catch (err) {
    throw new Error(`chromium could not print ${htmlFile}: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
  if (!existsSync(pdfFile)) throw new Error(`chromium wrote no PDF at ${pdfFile}`);
  return pdfFile;
}

/** Chromium renders the footer in its own tiny document: its font and size must be given there. */
export function footerTemplate(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<div style="font: 8px 'Noto Sans CJK SC', 'Noto Sans', sans-serif; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between; color: #444;"><span>${escaped}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

/** DOM after scripts ran; `budgetMs` gives single-page apps such as Allure time to render. */
export async function dumpDom(chromium: string, target: string, budgetMs = 5000): Promise<string> {
  const run = await runHeadless(chromium, [`--virtual-time-budget=${budgetMs}`, '--dump-dom'], target);
  return run.stdout;
}

export async function screenshot(chromium: string, target: string, pngFile: string, budgetMs = 5000): Promise<string> {
  await runHeadless(
    chromium,
    [
      `--virtual-time-budget=${budgetMs}`,
      `--screenshot=${resolve(pngFile)}`,
      '--window-size=1400,1000',
      '--hide-scrollbars',
    ],
    target,
  );
  if (!existsSync(pngFile)) throw new Error(`chromium wrote no screenshot at ${pngFile}`);
  return pngFile;
}
