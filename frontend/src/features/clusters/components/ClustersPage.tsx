/** Placeholder until this feature lands (being built now). */
export function ClustersPage() {
  return <h1>ClustersPage</h1>;
}
