import { useTranslation } from 'react-i18next';
import { termName } from '../../lib/format/names';
import { useReference } from '../../lib/reference/reference';

/** Service domains as chips, named in the UI language. */
export function ServiceDomainChips({ codes }: { codes: readonly string[] }) {
  const { i18n } = useTranslation();
  const reference = useReference().data;
  return (
    <ul className="chips">
      {codes.map((code) => (
        <li key={code} className="chip">
          {termName(reference, 'serviceDomains', code, i18n.language)}
        </li>
      ))}
    </ul>
  );
}

/** The `<option>`s of every service domain, for a filter's `<select>`. */
export function ServiceDomainOptions() {
  const { i18n } = useTranslation();
  const reference = useReference().data;
  return (
    <>
      {(reference?.serviceDomains ?? []).map((domain) => (
        <option key={domain.code} value={domain.code}>
          {termName(reference, 'serviceDomains', domain.code, i18n.language)}
        </option>
      ))}
    </>
  );
}
