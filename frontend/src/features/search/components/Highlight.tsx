/**
 * A search highlight fragment: Elasticsearch marks matches with <em>; everything is rendered as
 * text and only those marks become <mark>, so no markup from content can reach the page.
 */
export function Highlight({ fragment }: { fragment: string }) {
  const parts = fragment.split(/(<em>.*?<\/em>)/g).filter(Boolean);
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith('<em>') && part.endsWith('</em>') ? (
          <mark key={index}>{part.slice(4, -5)}</mark>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}
