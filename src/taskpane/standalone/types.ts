import type { Finding, Lang } from '../../core/rules/types';
import type { StoredExplanation, WorkbookSnapshot } from '../../core/snapshot/types';

/** What the standalone page needs from the .xlsx reader and annotator (loaded lazily). */
export interface XlsxModule {
  read(bytes: Uint8Array, lang: Lang): Promise<{ ok: true; snapshot: WorkbookSnapshot } | { ok: false; message: string }>;
  /**
   * The annotated copy: every finding flagged; the fixes that findings carry are written (so a
   * finding whose fix should not be written is passed without it); explanations stored.
   */
  annotate(
    bytes: Uint8Array,
    findings: readonly Finding[],
    options: { readonly explanations: readonly StoredExplanation[]; readonly lang: Lang },
  ): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }>;
}
