/** Placeholder until this feature lands (being built now). */
export function CaseStudyEditorPage() {
  return <h1>CaseStudyEditorPage</h1>;
}
