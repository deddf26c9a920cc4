/** Placeholder until this feature lands (being built now). */
export function SelfAssessmentPage() {
  return <h1>SelfAssessmentPage</h1>;
}
