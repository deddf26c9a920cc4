import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { useClusterChanged, useReloadOnConflict } from './cluster-mutation';

/** POST /api/v1/clusters/{id}/approve: a curator approves a proposed cluster; it becomes active. */
export function approveCluster({ id, version }: { id: string; version: number }) {
  return unwrap(api.POST('/api/v1/clusters/{id}/approve', { params: { path: { id } }, body: { version } }));
}

export function useApproveCluster() {
  const changed = useClusterChanged();
  const reloadOnConflict = useReloadOnConflict();
  return useMutation({ mutationFn: approveCluster, onSuccess: changed, onError: reloadOnConflict });
}
