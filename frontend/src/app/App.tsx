/**
 * The application shell. Features (search, cities, roadmap, curation…) plug in here as they land.
 */
export function App() {
  return (
    <div className="shell">
      <header className="shell__header">
        <a className="shell__brand" href="/">
          CityStep
        </a>
      </header>
      <main id="main" className="shell__main">
        <h1>Cities learning from cities, one step at a time</h1>
        <p>
          CityStep matches every city with peers whose smart-city projects sit exactly one maturity step
          ahead, following the staircase of the 2014 EU–China Smart City white paper.
        </p>
        <ul className="shell__links">
          <li>
            <a href="/swagger-ui.html">API documentation</a>
          </li>
          <li>
            <a href="/v3/api-docs">OpenAPI document</a>
          </li>
        </ul>
      </main>
    </div>
  );
}
