/**
 * Vitest global set-up: builds the command (lib/, scripts/build-cli.mjs) before any test runs, so the
 * tests that spawn it (tests/cli) run the JavaScript built from the sources under test, never a stale build.
 */
import { buildCli } from '../../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  await buildCli();
}
