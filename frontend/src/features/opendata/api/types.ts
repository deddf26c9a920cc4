/*
 * The open data API's types, written from the shared contract (/work/i15/contract.md, issue 15)
 * while the backend's OpenAPI document does not describe the export routes yet. Nothing else in the
 * feature declares an API type: once they are generated into schema.gen.ts, this file becomes
 * `export type Exports = Schemas['…']` and so on, and the rest stays as it is.
 */

export type ExportFormat = 'jsonl' | 'csv';

export type Licence = { id: string; url: string };

/** One dataset offered for download, with its per-format links (paths on this site). */
export type ExportDataset = {
  id: string;
  title: Record<string, string | undefined>;
  description: Record<string, string | undefined>;
  licence: Licence;
  formats: ExportFormat[];
  records: number;
  /** When the dataset last changed; absent (null) while it is empty. */
  lastModified?: string | null;
  links: Partial<Record<ExportFormat, string>>;
};

/** GET /api/v1/exports: the datasets, the DCAT-AP catalogue, the OpenAPI document and the licence. */
export type Exports = {
  items: ExportDataset[];
  catalog: { jsonLd: string; turtle: string };
  openApi: string;
  licence: Licence;
};
