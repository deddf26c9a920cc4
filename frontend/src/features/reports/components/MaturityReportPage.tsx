/** Placeholder until this feature lands (being built now). */
export function MaturityReportPage() {
  return <h1>MaturityReportPage</h1>;
}
