/** Placeholder until this feature lands (being built now). */
export function ClusterPage() {
  return <h1>ClusterPage</h1>;
}
