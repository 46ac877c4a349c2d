/**
 * The new part of a mail reply: what comes before the quoted history that mail clients append ("On … wrote:",
 * "Le … a écrit :", Outlook's "-----Original Message-----" / "De : … Envoyé : …" block, lines quoted with ">").
 * When nothing is left (a reply written inline between quotes), the whole text is kept: losing words is worse than
 * repeating some.
 */

const HISTORY_STARTS = [
  /^\s*On\b.{0,300}\bwrote:\s*$/i,
  /^\s*Le\b.{0,300}\ba écrit\s*:\s*$/i,
  /^\s*-{2,}\s*(Original Message|Message d'origine|Forwarded message|Message transféré)\s*-{2,}\s*$/i,
  /^\s*(From|De)\s*:.*$/i,
  /^_{10,}\s*$/,
];

export const MAX_MAIL_TEXT_LENGTH = 20_000;

export function replyTextOf(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (HISTORY_STARTS.some((p) => p.test(line))) {
      // "From:" alone starts the history only as Outlook writes it: followed within a few lines by Sent/Envoyé.
      if (/^\s*(From|De)\s*:/i.test(line)) {
        const next = lines.slice(i + 1, i + 4).join('\n');
        if (!/^\s*(Sent|Envoyé|Date)\s*:/im.test(next)) {
          kept.push(line);
          continue;
        }
      }
      break;
    }
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  const reply = kept.join('\n').trim();
  return clampText(reply === '' ? text.trim() : reply);
}

/** At most {@link MAX_MAIL_TEXT_LENGTH} characters, cut at a line end when one is near. */
export function clampText(text: string): string {
  if (text.length <= MAX_MAIL_TEXT_LENGTH) return text;
  const cut = text.lastIndexOf('\n', MAX_MAIL_TEXT_LENGTH - 20);
  const end = cut > MAX_MAIL_TEXT_LENGTH - 2000 ? cut : MAX_MAIL_TEXT_LENGTH - 20;
  return `${text.slice(0, end)}\n[…]`;
}
