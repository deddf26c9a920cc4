/** Placeholder until this feature lands (being built now). */
export function CurationQueuePage() {
  return <h1>CurationQueuePage</h1>;
}
