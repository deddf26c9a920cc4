/** Placeholder until this feature lands (being built now). */
export function MyCityPage() {
  return <h1>MyCityPage</h1>;
}
