// Builds the task pane (taskpane.html, inside Office), the standalone page (index.html, same
// bundle, no Office.js), the ribbon commands page and the static too-old page.
// The .xlsx reader/annotator is a lazy chunk ("xlsx"): the add-in pane never downloads it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';

const root = path.dirname(fileURLToPath(import.meta.url));
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_ORIGIN = 'https://appsforoffice.microsoft.com';

// IE (Office 2016/2019 webview) and EdgeHTML cannot run React 19 / Fluent UI 9: before the
// bundle loads, an ES5 check (src/taskpane/too-old-check.js, a same-origin file so the CSP
// needs no inline-script allowance) sends them to the static too-old page.
/** e2e only: writes e2e-chunks.json (chunk group → its .js files) so the test can measure what each page loads. */
class ChunkGroupsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('ChunkGroupsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ChunkGroupsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const out = {};
        for (const [name, group] of compilation.namedChunkGroups) {
          out[name] = [...new Set(group.chunks.flatMap((c) => [...c.files]))].filter((f) => f.endsWith('.js'));
        }
        compilation.emitAsset('e2e-chunks.json', new sources.RawSource(JSON.stringify(out, null, 1)));
      });
    });
  }
}

function csp({ office }) {
  return [
    "default-src 'self'",
    `script-src 'self'${office ? ` ${OFFICE_ORIGIN}` : ''}`,
    // Griffel (Fluent UI's CSS-in-JS) inserts its rules into <style> elements at run time
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

function page({ title, office, body = '<div id="root"></div>', check = true }) {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp({ office })}">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${title}</title>
${check ? '<script src="too-old-check.js"></script>' : ''}
${office ? `<script src="${OFFICE_JS}"></script>` : ''}
<style>html,body{margin:0;padding:0}</style>
</head>
<body>
${body}
</body>
</html>`;
}

const TOO_OLD_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline'">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>此版本的 Office 太旧</title>
<style>body{font-family:"Microsoft YaHei","SimSun",sans-serif;margin:16px;line-height:1.6;color:#242424;font-size:14px}h1{font-size:18px}code{background:#f3f3f3;padding:2px 4px}</style>
</head>
<body>
<h1>此版本的 Office 太旧，无法运行本加载项</h1>
<p>这个 Office（2016/2019 等旧版本）用旧的 Internet Explorer 内核显示加载项，无法运行“预算公开文本检查”。</p>
<p>请用下面两种方法之一检查工作簿，检查规则和结果完全相同：</p>
<ol>
<li>用 Edge 或 Chrome 浏览器打开<strong>独立网页版</strong>：<a href="index.html" target="_blank">index.html</a>（与本页在同一地址下），在网页中打开 .xlsx 工作簿。工作簿只在浏览器中处理，不会上传。</li>
<li>用<strong>命令行工具</strong>：<code>disclosure-check 工作簿.xlsx --out 标注副本.xlsx</code></li>
</ol>
<p>升级到 Microsoft 365 或 Office 2021/2024 后即可在 Excel 中直接使用本加载项。</p>
<hr>
<p lang="en-US">This version of Office is too old to run the add-in. Use the standalone web page (index.html, in Edge or Chrome) or the command-line tool <code>disclosure-check</code> instead.</p>
</body>
</html>`;

export default (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const copy = [
    { from: 'assets', to: 'assets', noErrorOnMissing: true, globOptions: { ignore: ['**/*.mjs'] } },
    { from: 'src/taskpane/too-old-check.js', to: 'too-old-check.js' },
  ];
  if (existsSync(path.join(root, 'seeds/jiangchuan-2023.xlsx'))) {
    copy.push({ from: 'seeds/jiangchuan-2023.xlsx', to: 'seeds/jiangchuan-2023.xlsx' });
  }
  if (existsSync(path.join(root, 'manifest.xml'))) copy.push({ from: 'manifest.xml', to: 'manifest.xml' });
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      // end-to-end tests only: the real pane over the fake Excel object model
      ...(env.e2e && { 'office-sim': './tests/e2e/sim/office-sim.tsx' }),
    },
    output: {
      path: path.join(root, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
      publicPath: 'auto',
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { noEmit: false, allowImportingTsExtensions: false, sourceMap: dev } },
          },
        },
      ],
    },
    optimization: {
      splitChunks: { chunks: 'async' },
      // taskpane.html also loads the commands bundle (shared runtime: the ribbon's functions
      // run in the pane's page): one webpack runtime per page, one module registry
      runtimeChunk: 'single',
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        // the manifest's FunctionFile is the task pane page: it carries the ribbon commands too
        chunks: ['taskpane', 'commands'],
        templateContent: page({ title: '预算公开文本检查', office: true }),
        scriptLoading: 'defer',
        inject: 'head',
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        chunks: ['taskpane'],
        templateContent: page({ title: '预算公开文本检查', office: false }),
        scriptLoading: 'defer',
        inject: 'head',
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        chunks: ['commands'],
        templateContent: page({ title: 'disclosure-check commands', office: true, body: '', check: false }),
        scriptLoading: 'defer',
        inject: 'head',
      }),
      new HtmlWebpackPlugin({
        filename: 'too-old.html',
        chunks: [],
        templateContent: TOO_OLD_PAGE,
        inject: false,
      }),
      ...(env.e2e
        ? [
            new HtmlWebpackPlugin({
              filename: 'office-sim.html',
              chunks: ['office-sim'],
              templateContent: page({ title: 'office-sim', office: false }),
              scriptLoading: 'defer',
              inject: 'head',
            }),
          ]
        : []),
      ...(env.e2e ? [new ChunkGroupsPlugin()] : []),
      new CopyWebpackPlugin({ patterns: copy }),
    ],
    devServer: {
      port: Number(process.env.PORT ?? 3000),
      // loopback only: the pane is for this machine's Excel and browser, not the network
      host: 'localhost',
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: false },
      headers: { 'Access-Control-Allow-Origin': '*' },
      ...(env.https && { server: { type: 'https', options: env.https } }),
    },
  };
};
