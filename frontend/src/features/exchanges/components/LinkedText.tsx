/**
 * Web addresses in text a person wrote: http(s) only, up to white space, quotes, angle brackets or
 * CJK text and punctuation (Chinese writes no space after a link).
 */
const URL_PATTERN = /https?:\/\/[^\s<>"'\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/gi;
/** Punctuation that ends a sentence rather than the address: "see https://x.org/a." */
const TRAILING = /[.,;:!?)\]}'"]+$/;

export type TextPart = { text: string; href?: string };

/** Splits plain text into text and links. Only http: and https: become links; nothing is parsed as HTML. */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    let candidate = match[0];
    const trailing = TRAILING.exec(candidate)?.[0] ?? '';
    // keep a closing bracket that belongs to the address: https://en.wikipedia.org/wiki/Smart_city_(disambiguation)
    const keepParen = trailing.startsWith(')') && candidate.slice(0, -trailing.length).includes('(');
    if (trailing && !keepParen) candidate = candidate.slice(0, -trailing.length);
    let href: string | undefined;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = undefined;
    }
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/**
 * Plain text with its web addresses as links that open in a new tab without access to this page.
 * React escapes every character, so markup in a message is shown as typed, never run.
 */
export function LinkedText({ text, lang }: { text: string; lang?: string }) {
  return (
    <p className="exchange-message__text" lang={lang}>
      {linkParts(text).map((part, index) =>
        part.href ? (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow ugc">
            {part.text}
          </a>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
