import type { Schemas } from '../../../lib/api/client';

/** The formats every dataset is exported in. */
export type ExportFormat = 'jsonl' | 'csv';

export type Licence = Schemas['OpenDataLicence'];

/** One dataset offered for download, with its per-format links (paths on this site). */
export type ExportDataset = Schemas['OpenDataset'];

/** GET /api/v1/exports: the datasets, the DCAT-AP catalogue, the OpenAPI document and the licence. */
export type Exports = Schemas['OpenDatasets'];
