/**
 * Offline validation of manifest.xml. `office-addin-manifest validate` posts the manifest to
 * Microsoft's validation service (no network here), so this test checks what the XSD and the
 * service check that matters for this add-in: well-formed XML in the right namespaces, element
 * order, every resid defined (once, in the right resource list) and every resource used, unique
 * ids, icon sizes present as real PNGs of those sizes, https URLs, zh-CN and en-US strings
 * within the length limits, requirement sets, the shared-runtime wiring, and that the ribbon
 * functions are the ones src/commands/commands.ts registers. It also reads the manifest with
 * office-addin-manifest's own (offline) parser.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { OfficeAddinManifest } from 'office-addin-manifest';

const ROOT = resolve(__dirname, '../../..');
const XML = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const NS_APP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const NS_BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const NS_OV = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const NS_XSI = 'http://www.w3.org/2001/XMLSchema-instance';

interface El {
  name: string;
  local: string;
  uri: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
  parent: El | null;
}

function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  let root = null as El | null; // set in the callbacks, which TypeScript's narrowing does not see
  let cur: El | null = null;
  parser.on('opentag', (t) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(t.attributes)) {
      const attr = a as { name: string; value: string };
      attrs[attr.name] = attr.value;
    }
    const el: El = { name: t.name, local: t.local, uri: t.uri, attrs, children: [], text: '', parent: cur };
    if (cur) cur.children.push(el);
    else root = el;
    cur = el;
  });
  parser.on('text', (s) => {
    if (cur) cur.text += s;
  });
  parser.on('closetag', () => {
    cur = cur?.parent ?? null;
  });
  parser.write(xml).close();
  if (!root) throw new Error('empty document');
  return root;
}

function all(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}
const byLocal = (root: El, local: string): El[] => all(root, (e) => e.local === local);
const child = (el: El, local: string): El | undefined => el.children.find((c) => c.local === local);

function pngSize(file: string): { w: number; h: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

function assetOf(url: string): string {
  const m = /^https:\/\/localhost:3000\/(assets\/icon-\d+\.png)$/.exec(url);
  if (!m) throw new Error(`not an asset URL: ${url}`);
  return join(ROOT, m[1]!);
}

const root = parse(XML);
const resources = byLocal(root, 'Resources')[0]!;
const resourceLists = {
  image: child(resources, 'Images')!.children,
  url: child(resources, 'Urls')!.children,
  short: child(resources, 'ShortStrings')!.children,
  long: child(resources, 'LongStrings')!.children,
};

describe('manifest.xml', () => {
  it('is a TaskPaneApp in the add-in manifest namespaces, top-level elements in schema order', () => {
    expect(root.local).toBe('OfficeApp');
    expect(root.uri).toBe(NS_APP);
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(root.attrs['xmlns:xsi']).toBe(NS_XSI);
    expect(root.attrs['xmlns:bt']).toBe(NS_BT);
    const order = [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'AllowSnapshot',
      'VersionOverrides',
    ];
    const seen = root.children.map((c) => c.local);
    for (const name of seen) expect(order).toContain(name);
    const idx = seen.map((n) => order.indexOf(n));
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    for (const required of [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'Hosts',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]) {
      expect(seen).toContain(required);
    }
    expect(child(root, 'Id')!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(root, 'Version')!.text).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(child(root, 'DefaultLocale')!.text).toBe('zh-CN');
    expect(child(root, 'Permissions')!.text).toBe('ReadWriteDocument');
    expect(child(child(root, 'Hosts')!, 'Host')!.attrs.Name).toBe('Workbook');
    const vo = child(root, 'VersionOverrides')!;
    expect(vo.uri).toBe(NS_OV);
    expect(vo.attrs['xsi:type']).toBe('VersionOverridesV1_0');
  });

  it('declares the minimum requirement sets: ExcelApi 1.9 and SharedRuntime 1.1', () => {
    const sets = byLocal(child(root, 'Requirements')!, 'Set').map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(sets).toEqual([
      ['ExcelApi', '1.9'],
      ['SharedRuntime', '1.1'],
    ]);
  });

  it('defines every resid it references, once, in the right list, and uses every resource', () => {
    const kindOf = (e: El): keyof typeof resourceLists => {
      if (e.local === 'Image') return 'image';
      if (['SourceLocation', 'FunctionFile', 'Runtime', 'LearnMoreUrl'].includes(e.local)) return 'url';
      if (e.local === 'Description') return 'long';
      if (e.local === 'Title' || e.local === 'Label') return 'short';
      throw new Error(`unexpected resid on ${e.local}`);
    };
    const refs = all(root, (e) => e.attrs.resid !== undefined);
    expect(refs.length).toBeGreaterThan(20);
    const used = new Set<string>();
    for (const r of refs) {
      const id = r.attrs.resid!;
      expect(id.length).toBeLessThanOrEqual(32); // the schema's limit for resid
      const list = resourceLists[kindOf(r)];
      expect(
        list.filter((d) => d.attrs.id === id),
        `${r.local} resid="${id}"`,
      ).toHaveLength(1);
      used.add(id);
    }
    const defined = Object.values(resourceLists)
      .flat()
      .map((d) => d.attrs.id!);
    expect(new Set(defined).size).toBe(defined.length);
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
  });

  it('has unique group and control ids, on the Home tab, with the three buttons', () => {
    const ids = all(root, (e) => (e.local === 'Group' || e.local === 'Control') && e.attrs.id !== undefined).map((e) => e.attrs.id!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(byLocal(root, 'OfficeTab').map((t) => t.attrs.id)).toEqual(['TabHome']);
    const label = (id: string): string => resourceLists.short.find((s) => s.attrs.id === id)!.attrs.DefaultValue!;
    const controls = byLocal(root, 'Control').map((c) => {
      const action = child(c, 'Action')!;
      return [
        label(child(c, 'Label')!.attrs.resid!),
        action.attrs['xsi:type'],
        child(action, 'FunctionName')?.text ?? child(action, 'TaskpaneId')?.text,
      ];
    });
    expect(controls).toEqual([
      ['检查', 'ExecuteFunction', 'runCheck'],
      ['打开检查面板', 'ShowTaskpane', 'DisclosureCheck.Pane'],
      ['清除标记', 'ExecuteFunction', 'clearMarks'],
    ]);
  });

  it('runs the pane and the functions in one long-lived shared runtime', () => {
    const runtimes = byLocal(root, 'Runtime');
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]!.attrs.lifetime).toBe('long');
    const rt = runtimes[0]!.attrs.resid;
    expect(byLocal(root, 'FunctionFile')[0]!.attrs.resid).toBe(rt);
    for (const a of byLocal(root, 'Action').filter((a) => a.attrs['xsi:type'] === 'ShowTaskpane')) {
      expect(child(a, 'SourceLocation')!.attrs.resid).toBe(rt);
    }
    const url = resourceLists.url.find((u) => u.attrs.id === rt)!.attrs.DefaultValue;
    expect(url).toBe('https://localhost:3000/taskpane.html');
    expect(child(child(root, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue).toBe(url);
  });

  it('names functions that src/commands/commands.ts registers', () => {
    const src = readFileSync(join(ROOT, 'src/commands/commands.ts'), 'utf8');
    for (const f of byLocal(root, 'FunctionName')) {
      // registered under the manifest's name, as a wrapper that calls the function of that name
      expect(src).toMatch(
        new RegExp(`associate\\('${f.text}', \\(event: Office\\.AddinCommands\\.Event\\) => void ${f.text}\\(event\\)\\)`),
      );
      expect(src).toMatch(new RegExp(`export async function ${f.text}\\(event: Office\\.AddinCommands\\.Event\\)`));
    }
  });

  it('uses https URLs only, and every icon exists as a PNG of its declared size', () => {
    const urls = all(root, (e) => e.attrs.DefaultValue !== undefined && /^\w+:\/\//.test(e.attrs.DefaultValue)).map(
      (e) => e.attrs.DefaultValue!,
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    for (const icon of byLocal(root, 'Icon')) {
      expect(icon.children.map((i) => i.attrs.size)).toEqual(['16', '32', '80']);
      for (const img of icon.children) {
        const url = resourceLists.image.find((r) => r.attrs.id === img.attrs.resid)!.attrs.DefaultValue!;
        const s = Number(img.attrs.size);
        expect(pngSize(assetOf(url))).toEqual({ w: s, h: s });
      }
    }
    expect(pngSize(assetOf(child(root, 'IconUrl')!.attrs.DefaultValue!))).toEqual({ w: 32, h: 32 });
    expect(pngSize(assetOf(child(root, 'HighResolutionIconUrl')!.attrs.DefaultValue!))).toEqual({ w: 64, h: 64 });
  });

  it('has zh-CN and en-US text for every string, within the length limits', () => {
    const localized = [child(root, 'DisplayName')!, child(root, 'Description')!, ...resourceLists.short, ...resourceLists.long];
    for (const s of localized) {
      const overrides = s.children.filter((c) => c.local === 'Override');
      expect(
        overrides.map((o) => o.attrs.Locale),
        s.attrs.id ?? s.local,
      ).toEqual(['zh-CN', 'en-US']);
      const zh = overrides[0]!.attrs.Value!;
      expect(zh).toBe(s.attrs.DefaultValue);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(overrides[1]!.attrs.Value).toMatch(/^[\x20-\x7e]+$/);
    }
    for (const s of resourceLists.short)
      for (const v of [s.attrs.DefaultValue!, ...s.children.map((c) => c.attrs.Value!)]) expect(v.length).toBeLessThanOrEqual(125);
    for (const s of resourceLists.long)
      for (const v of [s.attrs.DefaultValue!, ...s.children.map((c) => c.attrs.Value!)]) expect(v.length).toBeLessThanOrEqual(250);
    expect(child(root, 'DisplayName')!.attrs.DefaultValue!.length).toBeLessThanOrEqual(125);
    expect(child(root, 'Description')!.attrs.DefaultValue!.length).toBeLessThanOrEqual(250);
  });

  it('is read by office-addin-manifest (offline parser)', async () => {
    const info = await OfficeAddinManifest.readManifestFile(join(ROOT, 'manifest.xml'));
    expect(info.id).toBe(child(root, 'Id')!.text);
    expect(info.defaultLocale).toBe('zh-CN');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.defaultSettings?.sourceLocation).toBe('https://localhost:3000/taskpane.html');
  });

  it('icons are generated by the committed script: same bytes', () => {
    const out = mkdtempSync(join(tmpdir(), 'icons-'));
    execFileSync(process.execPath, [join(ROOT, 'assets/build-icons.mjs'), out]);
    for (const size of [16, 32, 64, 80, 128]) {
      const f = `icon-${size}.png`;
      expect(existsSync(join(ROOT, 'assets', f))).toBe(true);
      expect(readFileSync(join(out, f)).equals(readFileSync(join(ROOT, 'assets', f))), f).toBe(true);
    }
  });
});
