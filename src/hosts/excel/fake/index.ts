export { FakeExcel, FakeOfficeError, type FakeFeatures, type FakeOptions, type SyncRecord } from './excel';
export {
  NO_FILL,
  canonicalState,
  cellKey,
  stateFromSnapshot,
  type FakeCell,
  type FakeFileState,
  type FakeFill,
  type FakeSheetState,
} from './state';
