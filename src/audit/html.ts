/**
 * Building blocks for the self-contained HTML pages (report, diff): escaping and the page shell.
 *
 * Article content is untrusted: it is only ever inserted escaped, as text or attribute values, never inside a
 * <script>. As a second line of defence the page carries a Content-Security-Policy that allows no network access
 * and only the page's own inline script (by hash), so even a missed escape could not run an injected handler.
 */
import { createHash } from 'node:crypto';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

export interface PageParts {
  title: string;
  /** CSS, inlined in a <style> element. */
  style: string;
  /** Already escaped body HTML. */
  body: string;
  /** Inline script (trusted, ours); omitted when empty. */
  script?: string;
}

export function renderPage(parts: PageParts): string {
  const script = parts.script ?? '';
  const scriptHash = createHash('sha256').update(script, 'utf8').digest('base64');
  const policy = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    script ? `script-src 'sha256-${scriptHash}'` : "script-src 'none'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${parts.style}</style>`,
    '</head>',
    '<body>',
    parts.body,
    script ? `<script>${script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Colours shared by the report and the diff page. */
export const BASE_STYLE = `
:root { --per: #ffd6d6; --per-b: #d04848; --org: #d6e4ff; --org-b: #3a66c4; --loc: #d8f5d0; --loc-b: #3d8b2f; --misc: #f0defa; --misc-b: #8a4cb0;
  --tx: #fff1c2; --tx-b: #b58600; --add: #1f883d; --add-bg: #e6f6ea; --del: #cf222e; --del-bg: #fdeaea; --chg: #9a6700; --chg-bg: #fff6db; --muted: #6b7280; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fafafa; }
h1 { font-size: 1.3rem; margin: 0; }
h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
table { border-collapse: collapse; }
th, td { padding: .2rem .5rem; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; }
.muted { color: var(--muted); }
.d-add { color: var(--add); }
.d-del { color: var(--del); }
.d-chg { color: var(--chg); }
`;
