/** Placeholder until this feature lands (being built now). */
export function ExpertsPage() {
  return <h1>ExpertsPage</h1>;
}
