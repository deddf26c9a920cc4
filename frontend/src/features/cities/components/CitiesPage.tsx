/** Placeholder until this feature lands (being built now). */
export function CitiesPage() {
  return <h1>CitiesPage</h1>;
}
