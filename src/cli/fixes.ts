import type { Finding } from '../core/rules/types';

/**
 * The findings handed to the annotated copy under `--fix`: a fix that would overwrite a non-empty cell
 * (`overwrite`, e.g. normalising a school name) needs the user's confirmation (SPEC §5), which a batch
 * command cannot ask for; such fixes are left out of the copy, and the finding's message still says
 * what the value should be. Fixes into empty cells (school codes, 小计/合计) are kept.
 */
export function fixesForCopy(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => {
    if (!f.fix?.overwrite) return f;
    const { fix: _fix, ...rest } = f;
    return rest;
  });
}
