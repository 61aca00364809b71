export { FakeExcel, FakeOfficeError, applyTint, type FakeFeatures, type FakeOptions, type FillQuirks, type SyncRecord } from './excel';
export {
  NO_FILL,
  canonicalState,
  cellKey,
  stateFromSnapshot,
  type FakeBorderLine,
  type FakeCell,
  type FakeCellFormat,
  type FakeFileState,
  type FakeFill,
  type FakeSheetState,
  type FakeXmlPart,
} from './state';
