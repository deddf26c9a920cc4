import type { QueryClient } from '@tanstack/react-query';
import { caseStudyKey, type CaseStudy } from './case-study';

/** After a write: the case study itself (fresh from the answer), lists and search. */
export function afterWrite(queryClient: QueryClient, study: CaseStudy) {
  queryClient.setQueryData(caseStudyKey(study.id), study);
  void queryClient.invalidateQueries({ queryKey: caseStudyKey(study.id), exact: false, refetchType: 'none' });
  void queryClient.invalidateQueries({ queryKey: ['case-studies', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['search'] });
}
