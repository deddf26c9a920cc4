/** Placeholder until this feature lands (being built now). */
export function CityProfilePage() {
  return <h1>CityProfilePage</h1>;
}
