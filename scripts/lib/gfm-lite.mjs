// A small renderer for the subset of GitHub-flavoured markdown the job summary uses: headings,
// paragraphs, tables, bullet lists, `> [!WARNING]` alerts, **bold**, _emphasis_, `code`, links,
// and the inline HTML the summary writes itself (<code>, <br>). It exists only to render the
// summary for screenshots; GitHub's own renderer is what users see.

const ALERTS = { NOTE: 'note', TIP: 'tip', IMPORTANT: 'important', WARNING: 'warning', CAUTION: 'caution' };

function escapeAttr(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Inline markup. Text is already escaped by the summary; raw `<` only starts the tags it writes. */
export function inline(text) {
  return text
    .replace(/`([^`]+)`/g, (_, code) => `<code>${code.replace(/</g, '&lt;')}</code>`)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, href) => `<a href="${escapeAttr(href)}">${label}</a>`)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,])/g, '$1<em>$2</em>');
}

function splitRow(line) {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

function table(lines) {
  const head = splitRow(lines[0]);
  const align = splitRow(lines[1]).map((c) => (c.endsWith(':') ? (c.startsWith(':') ? 'center' : 'right') : 'left'));
  const th = head.map((c, i) => `<th style="text-align:${align[i]}">${inline(c)}</th>`).join('');
  const rows = lines.slice(2).map((l) => `<tr>${splitRow(l).map((c, i) => `<td style="text-align:${align[i] ?? 'left'}">${inline(c)}</td>`).join('')}</tr>`);
  return `<table><thead><tr>${th}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Renders markdown text to an HTML fragment. */
export function renderMarkdown(markdown) {
  const lines = markdown.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
    } else if (/^#{1,6} /.test(line)) {
      const level = line.match(/^#+/)[0].length;
      out.push(`<h${level}>${inline(line.slice(level + 1))}</h${level}>`);
      i++;
    } else if (line.startsWith('|') && (lines[i + 1] ?? '').startsWith('|')) {
      const block = [];
      while (i < lines.length && lines[i].startsWith('|')) block.push(lines[i++]);
      out.push(table(block));
    } else if (line.startsWith('>')) {
      const block = [];
      while (i < lines.length && lines[i].startsWith('>')) block.push(lines[i++].replace(/^> ?/, ''));
      const alert = /^\[!(\w+)\]$/.exec(block[0] ?? '');
      const kind = alert ? ALERTS[alert[1]] : undefined;
      const body = (kind ? block.slice(1) : block).join(' ');
      out.push(
        kind
          ? `<div class="alert alert-${kind}"><p class="alert-title">${alert[1][0]}${alert[1].slice(1).toLowerCase()}</p><p>${inline(body)}</p></div>`
          : `<blockquote><p>${inline(body)}</p></blockquote>`,
      );
    } else if (/^- /.test(line)) {
      const items = [];
      while (i < lines.length && /^- /.test(lines[i])) items.push(`<li>${inline(lines[i++].slice(2))}</li>`);
      out.push(`<ul>${items.join('')}</ul>`);
    } else {
      const block = [];
      while (i < lines.length && lines[i].trim() !== '' && !/^(#|\||>|- )/.test(lines[i])) block.push(lines[i++]);
      out.push(`<p>${inline(block.join(' '))}</p>`);
    }
  }
  return out.join('\n');
}

/** A page that looks like a job summary on github.com: its fonts, table borders and alert colours. */
export function summaryPage(title, fragment) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeAttr(title)}</title>
<style>
  body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
  .frame { max-width: 1180px; margin: 24px auto; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
  .frame-head { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-weight: 600; }
  .markdown-body { padding: 8px 32px 24px; }
  h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin: 24px 0 16px; }
  h3 { font-size: 1.25em; margin: 24px 0 16px; }
  h4 { font-size: 1em; margin: 20px 0 12px; }
  table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; max-width: 100%; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; vertical-align: top; }
  th { font-weight: 600; background: #f6f8fa; }
  tr:nth-child(2n) td { background: #f6f8fa; }
  code { font: 85% ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: rgba(129,139,152,.12); padding: .2em .4em; border-radius: 6px; }
  a { color: #0969da; text-decoration: none; }
  .alert { border-left: .25em solid; padding: 8px 16px; margin: 0 0 16px; }
  .alert-warning { border-color: #9a6700; }
  .alert-warning .alert-title { color: #9a6700; }
  .alert-note { border-color: #0969da; }
  .alert-title { font-weight: 600; margin: 0 0 4px; }
  .alert p { margin: 0; }
  ul { padding-left: 2em; }
</style></head>
<body><script>addEventListener('load', () => { document.body.dataset.height = String(document.documentElement.scrollHeight); });</script><div class="frame"><div class="frame-head">${escapeAttr(title)}</div><div class="markdown-body">
${fragment}
</div></div></body></html>
`;
}
