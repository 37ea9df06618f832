// Renders every page of the built book (book/book) in headless Chromium and
// fails if a page still shows an mdBook directive (`{{#`), has an image that
// did not load, has an empty code block, has a code block or table that
// scrolls sideways at 1280 px, has a picture with text smaller than 12 px, or
// (at 390 px, a phone) shows a verdict word (LATE, on time) only after a
// sideways scroll. Saves a full-page screenshot of each page, and one of each
// picture, in book/browser/screenshots/ for a person to look at.
//
// Run through `bash book/browser/run.sh`, which installs what this needs.

import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFile, readdir, mkdir } from "node:fs/promises";
import { extname, join, relative, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const site = resolve(here, "..", "book");
const shots = join(here, "screenshots");
const types = { ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml",
  ".png": "image/png", ".woff2": "font/woff2", ".json": "application/json", ".txt": "text/plain" };

async function pages(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await pages(path)));
    else if (entry.name.endsWith(".html") && !["404.html", "toc.html", "print.html"].includes(entry.name)) found.push(path);
  }
  return found.sort();
}

// An internal link must name a file of the site and, with `#id`, an element of that page.
async function brokenLink(href) {
  const url = new URL(href);
  const path = join(site, decodeURIComponent(url.pathname));
  let html;
  try {
    html = await readFile(path.endsWith("/") ? join(path, "index.html") : path, "utf8");
  } catch {
    return "no such page";
  }
  const id = decodeURIComponent(url.hash.slice(1));
  if (id && !html.includes(`id="${id}"`)) return `no element with id "${id}"`;
  return null;
}

// A static server on loopback: pages behave as under `mdbook serve`.
const server = createServer(async (request, response) => {
  const path = join(site, decodeURIComponent(new URL(request.url, "http://x").pathname));
  try {
    const body = await readFile(path.endsWith("/") ? join(path, "index.html") : path);
    response.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end("not found");
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
await mkdir(shots, { recursive: true });
const problems = [];
let checked = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const file of await pages(site)) {
    const name = relative(site, file);
    const failed = [];
    page.removeAllListeners("requestfailed");
    page.on("requestfailed", (request) => failed.push(request.url()));
    const response = await page.goto(base + name, { waitUntil: "load" });
    if (!response || response.status() !== 200) problems.push(`${name}: HTTP ${response?.status()}`);
    // textContent, not innerText: a solution inside a closed <details> is not
    // rendered, yet its code must be there.
    const report = await page.evaluate(() => ({
      leftover: document.querySelector("main")?.textContent.includes("{{#") ?? true,
      brokenImages: [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src),
      emptyBlocks: [...document.querySelectorAll("main pre code")].filter((code) => code.textContent.trim() === "").length,
      blocks: document.querySelectorAll("main pre code").length,
      links: [...document.querySelectorAll("main a[href]")].map((a) => a.href).filter((href) => href.startsWith(location.origin)),
    }));
    for (const link of report.links) {
      const problem = await brokenLink(link);
      if (problem) problems.push(`${name}: link ${link.slice(base.length)}: ${problem}`);
    }
    if (report.leftover) problems.push(`${name}: an unexpanded {{#...}} directive is shown`);
    for (const src of report.brokenImages) problems.push(`${name}: image did not load: ${src}`);
    if (report.emptyBlocks > 0) problems.push(`${name}: ${report.emptyBlocks} empty code block(s)`);
    for (const url of failed) problems.push(`${name}: request failed: ${url}`);
    for (const problem of await page.evaluate(overflowAndPictures)) problems.push(`${name}: ${problem}`);
    const pictures = await page.$$("figure.picture svg");
    for (const [index, picture] of pictures.entries()) {
      const shotName = name.replaceAll("/", "__").replace(/\.html$/, `.picture-${index + 1}.png`);
      await picture.screenshot({ path: join(shots, shotName) });
    }
    // Open every solution, so that the screenshots show them too.
    await page.evaluate(() => document.querySelectorAll("details").forEach((details) => { details.open = true; }));
    const shot = join(shots, name.replaceAll("/", "__").replace(/\.html$/, ".png"));
    await page.screenshot({ path: shot, fullPage: true });
    // The first screen as well: what a reader sees on arrival, readable at a glance.
    await page.screenshot({ path: shot.replace(/\.png$/, ".top.png") });
    console.log(`checked ${name}: ${report.blocks} code block(s), ${report.brokenImages.length} broken image(s) -> ${relative(process.cwd(), shot)}`);
    checked += 1;
  }
  // A phone: sideways scrolling is allowed, but not for the lesson's word.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  for (const file of await pages(site)) {
    const name = relative(site, file);
    await phone.goto(base + name, { waitUntil: "load" });
    for (const problem of await phone.evaluate(verdictsInView)) problems.push(`${name} at 390 px: ${problem}`);
    await phone.screenshot({ path: join(shots, name.replaceAll("/", "__").replace(/\.html$/, ".phone.png")) });
  }
} finally {
  await browser.close();
  server.close();
}
// In the page: code blocks and tables that scroll sideways, and pictures
// whose text renders smaller than 12 px (font size times the SVG's scale).
function overflowAndPictures() {
  const found = [];
  const wide = (el) => el.scrollWidth > el.clientWidth + 1;
  // mdBook lets the <code> inside a <pre> scroll, so both are looked at.
  document.querySelectorAll("main pre").forEach((pre, i) => {
    const code = pre.querySelector("code");
    if (wide(pre) || (code && wide(code))) {
      const first = (pre.textContent.split("\n").find((l) => l.length > 80) ?? "").slice(0, 60);
      found.push(`code block ${i + 1} scrolls sideways: "${first}"`);
    }
  });
  document.querySelectorAll("main table").forEach((table, i) => {
    const box = table.parentElement;
    if (wide(table) || table.getBoundingClientRect().width > box.getBoundingClientRect().width + 1) {
      found.push(`table ${i + 1} is wider than the column`);
    }
  });
  document.querySelectorAll("figure.picture svg").forEach((svg, i) => {
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) found.push(`picture ${i + 1} has no size`);
    const viewBox = svg.viewBox.baseVal;
    const scale = viewBox && viewBox.width ? box.width / viewBox.width : 1;
    let smallest = Infinity;
    svg.querySelectorAll("text").forEach((text) => {
      smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
    });
    if (smallest < 12) found.push(`picture ${i + 1} has text of ${smallest.toFixed(1)} px (< 12 px)`);
  });
  return found;
}

// In the page at phone width: a line of output that says LATE or on time must
// say it within the columns the block shows without scrolling.
function verdictsInView() {
  const found = [];
  document.querySelectorAll("main pre").forEach((pre, i) => {
    if (pre.querySelector("code.language-rust")) return; // source code, not output
    // A block that wraps (```text,wrap) shows every word without scrolling.
    if (getComputedStyle(pre.querySelector("code") ?? pre).whiteSpace === "pre-wrap") return;
    const probe = document.createElement("span");
    probe.textContent = "0".repeat(10);
    pre.querySelector("code")?.appendChild(probe);
    const charWidth = probe.getBoundingClientRect().width / 10;
    probe.remove();
    const style = getComputedStyle(pre);
    const inner = pre.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const columns = Math.floor(inner / charWidth);
    for (const line of pre.textContent.split("\n")) {
      for (const word of ["LATE", "on time"]) {
        const at = line.indexOf(word);
        if (at >= 0 && at + word.length > columns) {
          found.push(`code block ${i + 1}: "${word}" at column ${at + 1}, ${columns} columns shown: "${line.slice(0, 50)}"`);
        }
      }
    }
  });
  return found;
}

if (checked === 0) problems.push("no pages found: build the book first (mdbook build book)");
if (problems.length > 0) {
  console.error(`browser check failed:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`browser check: ${checked} pages rendered, no problems`);
