// @vitest-environment jsdom
/**
 * Excel for Mac: `<a download>` of a Blob does nothing in the add-in's WKWebView (office-js
 * 2700, 4681). Before the user clicks 导出公开文本 there, the pane says where the document can be
 * made instead; elsewhere it says nothing of the kind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Pane, type PaneProps } from '../../src/taskpane/App';
import { fakeHost } from './fixtures';

afterEach(cleanup);

function show(props: PaneProps) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Pane {...props} />
    </FluentProvider>,
  );
}

const exportButton = () => screen.getByRole('button', { name: /^(导出公开文本|Export disclosure document)$/ });

describe('导出公开文本 on Excel for Mac', () => {
  it('says, before any click, to save as .xlsx and use the standalone page, or the CLI', () => {
    show({ host: fakeHost(), lang: 'zh', platform: 'Mac', standaloneUrl: 'https://example.invalid/standalone.html' });
    const note = screen.getByTestId('export-mac');
    expect(note.textContent).toMatch(/Excel for Mac 不允许加载项下载文件/);
    expect(note.textContent).toMatch(/另存为 \.xlsx.*独立网页版/);
    expect(note.textContent).toMatch(/disclosure-check 文件\.xlsx --export-docx/);
    expect(screen.getByRole('link', { name: '独立网页版' }).getAttribute('href')).toBe('https://example.invalid/standalone.html');
    expect(exportButton()).toBeTruthy();
  });

  it('in English too', () => {
    show({ host: fakeHost(), lang: 'en', platform: 'Mac' });
    expect(screen.getByTestId('export-mac').textContent).toMatch(/Excel for Mac does not let add-ins download files/);
  });

  it('not on Windows, nor on the web, nor in the standalone page', () => {
    for (const [platform, kind] of [
      ['PC', 'excel'],
      ['OfficeOnline', 'excel'],
      ['Mac', 'file'],
    ] as const) {
      show({ host: fakeHost({ kind }), lang: 'zh', platform });
      expect(screen.queryByTestId('export-mac'), `${platform} ${kind}`).toBeNull();
      cleanup();
    }
  });
});
