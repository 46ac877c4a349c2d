/**
 * The one look of every mail Vigie sends: a short HTML page (inline styles only, as mail clients want) and the same
 * content as plain text. Everything a person wrote is escaped; links are only the ones Vigie builds.
 */

export type MailBlock =
  | { kind: 'paragraph'; text: string }
  /** Text someone wrote (a reply, a solution): quoted, line breaks kept. */
  | { kind: 'quote'; text: string; author?: string | null }
  | { kind: 'facts'; rows: readonly (readonly [string, string])[] }
  | { kind: 'list'; title: string; items: readonly string[]; empty: string };

export interface MailAction {
  label: string;
  url: string;
}

export interface MailContent {
  greeting: string;
  blocks: readonly MailBlock[];
  actions?: readonly MailAction[];
  /** The last line, in small print: how to answer, why this mail was sent. */
  footer: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const multiline = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

function blockHtml(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 12px">${multiline(block.text)}</p>`;
    case 'quote': {
      const author = block.author
        ? `<div style="color:#555;font-size:13px;margin-bottom:4px">${escapeHtml(block.author)}</div>`
        : '';
      return `<blockquote style="margin:0 0 12px;padding:8px 12px;border-left:3px solid #1c7ed6;background:#f4f8fc">${author}${multiline(block.text)}</blockquote>`;
    }
    case 'facts':
      return `<table style="border-collapse:collapse;margin:0 0 12px">${block.rows
        .map(
          ([label, value]) =>
            `<tr><td style="padding:2px 12px 2px 0;color:#555">${escapeHtml(label)}</td><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join('')}</table>`;
    case 'list':
      return `<p style="margin:12px 0 4px;font-weight:bold">${escapeHtml(block.title)}</p>${
        block.items.length === 0
          ? `<p style="margin:0 0 12px;color:#555">${escapeHtml(block.empty)}</p>`
          : `<ul style="margin:0 0 12px;padding-left:20px">${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
      }`;
  }
}

function blockText(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'quote':
      return [block.author ? `${block.author}:` : null, ...block.text.split(/\r?\n/).map((line) => `> ${line}`)]
        .filter((line) => line !== null)
        .join('\n');
    case 'facts':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'list':
      return [block.title, ...(block.items.length === 0 ? [block.empty] : block.items.map((i) => `- ${i}`))].join('\n');
  }
}

/** The HTML and plain-text bodies of one mail, same content in both. */
export function renderMail(content: MailContent, locale: 'fr' | 'en'): { html: string; text: string } {
  const actions = content.actions ?? [];
  const html = [
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>`,
    '<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45;color:#222">',
    '<div style="max-width:640px">',
    `<p style="margin:0 0 12px">${escapeHtml(content.greeting)}</p>`,
    ...content.blocks.map(blockHtml),
    actions.length > 0
      ? `<p style="margin:16px 0">${actions
          .map(
            (a) =>
              `<a href="${escapeHtml(a.url)}" style="display:inline-block;margin:0 8px 8px 0;padding:8px 14px;background:#1c7ed6;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(a.label)}</a>`,
          )
          .join('')}</p>`
      : '',
    `<p style="margin:24px 0 0;color:#777;font-size:12px">${multiline(content.footer)}</p>`,
    '</div></body></html>',
  ].join('');
  const text = [
    content.greeting,
    '',
    ...content.blocks.flatMap((b) => [blockText(b), '']),
    // French typography puts a space before the colon.
    ...actions.map((a) => `${a.label}${locale === 'fr' ? ' :' : ':'} ${a.url}`),
    ...(actions.length > 0 ? [''] : []),
    '-- ',
    content.footer,
  ].join('\n');
  return { html, text };
}
