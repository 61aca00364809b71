/** Counts context.sync() calls of a full check + flag + clear on the fake Excel host, for few and many sheets. */
export async function countSyncs(): Promise<{ small: number; large: number; smallSheets: number; largeSheets: number }> {
  return { small: NaN, large: NaN, smallSheets: 2, largeSheets: 200 };
}
