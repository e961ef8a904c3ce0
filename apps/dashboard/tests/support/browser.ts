import { existsSync } from "node:fs";
import { CHROMIUM_ARGS } from "@paperpulse/scraper";
import { type Browser, chromium, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);
export const chromiumMissing = `Chromium not found at ${chromiumPath} (apt-get install -y chromium)`;

export type OpenBrowser = {
  browser: Browser;
  page: Page;
  /** Uncaught page errors and console errors, for `expect(errors).toEqual([])` after each view. */
  errors: string[];
  /** Messages of dialogs the page opened (alert, confirm): dismissed, and listed here. */
  dialogs: string[];
};

/** Headless Chromium with one desktop-sized page that records errors and dismisses dialogs. */
export async function openBrowser(options: { acceptDownloads?: boolean } = {}): Promise<OpenBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...CHROMIUM_ARGS],
  });
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { browser, page, errors, dialogs };
}

export type ShownOrgTopic = { topic: string | null; label: string; value: string };

/** The topics an organisation page lists: slug (from the link), label, and "papers (share)" as shown. */
export function orgTopicsOn(page: Page): Promise<ShownOrgTopic[]> {
  return page.locator("[data-org-topics] li").evaluateAll((items) =>
    items.map((li) => {
      const link = li.querySelector("a");
      return {
        topic: new URL(link?.href ?? "", "http://x").searchParams.get("topic"),
        label: link?.textContent ?? "",
        value: li.querySelector(".bar-value")?.textContent ?? "",
      };
    }),
  );
}
