// Builds the Excel add-in into dist/: the task pane (taskpane.html, which in Excel's shared runtime
// also runs the ribbon's function file and the custom functions), functions.js and functions.json
// (the custom functions' script and metadata), support.html, the icons and the manifest.
//   npm run build       production bundle; manifest URLs rewritten to SPP_ADDIN_BASE_URL
//   npm run dev-server  https://localhost:3000 with the Office dev certificates
// dist/cli/ belongs to `npm run build:cli` (esbuild) and survives webpack's output cleaning.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_BASE_URL, resolveBaseUrl, rewriteManifestUrls } = require('./scripts/manifest-urls.cjs');
const { FunctionsMetadataPlugin } = require('./scripts/functions-metadata.cjs');

const DEV_PORT = 3000;
const DIST = path.resolve(__dirname, 'dist');
/** The custom functions' script keeps a fixed name: the manifest's <Script> points to functions.js. */
const FUNCTIONS_SCRIPT = 'functions.js';

/** The base URL the built manifest points to; a malformed SPP_ADDIN_BASE_URL stops the build. */
function productionBaseUrl() {
  try {
    const { baseUrl, warning } = resolveBaseUrl(process.env);
    if (warning) console.warn(`\n[spp] WARNING: ${warning}\n`);
    else console.log(`[spp] manifest URLs → ${baseUrl}`);
    return baseUrl;
  } catch (error) {
    console.error(`\n[spp] Build stopped: ${error.message}\n`);
    process.exit(1);
  }
}

/**
 * HTTPS options for the dev server. Office only loads trusted https pages, so prefer the Office
 * dev certificates; when they cannot be created or trusted (no network, no admin/root rights) fall
 * back to webpack-dev-server's own self-signed certificate rather than failing to serve.
 */
async function devServerHttps() {
  try {
    const { getHttpsServerOptions } = require('office-addin-dev-certs');
    const { ca, cert, key } = await getHttpsServerOptions();
    return { type: 'https', options: { ca, cert, key } };
  } catch (error) {
    const reason = String(error && error.message ? error.message : error).split('\n')[0];
    console.warn(
      `\n[spp] Could not obtain the Office dev certificates (${reason}).\n` +
        '      Serving https with a temporary self-signed certificate instead. Office and browsers will not\n' +
        '      trust it: run `npx office-addin-dev-certs install` (needs admin rights), or open\n' +
        `      ${DEV_BASE_URL}taskpane.html once and accept the certificate warning.\n`,
    );
    return { type: 'https' };
  }
}

/** TypeScript/TSX through SWC; React automatic runtime. */
function swcRule(production) {
  return {
    test: /\.[cm]?tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'swc-loader',
      options: {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic', development: !production } },
          // Office webviews: WebView2 (Chromium) on Windows, WKWebView on Mac, any modern browser on the web.
          target: 'es2019',
        },
      },
    },
  };
}

function copyPatterns(baseUrl) {
  return [
    { from: 'assets', to: 'assets' },
    { from: 'src/taskpane/support.html', to: 'support.html' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => (baseUrl === DEV_BASE_URL ? content : rewriteManifestUrls(content.toString('utf8'), baseUrl)),
    },
  ];
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = production ? productionBaseUrl() : DEV_BASE_URL;

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'eval-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      functions: './src/functions/register.ts',
    },
    output: {
      path: DIST,
      // Office caches add-in files aggressively; content hashes make new builds load. The functions'
      // script is named by the manifest; in the shared runtime Excel runs them from taskpane.html.
      filename: (pathData) => (pathData.chunk?.name === 'functions' ? FUNCTIONS_SCRIPT : production ? '[name].[contenthash:8].js' : '[name].js'),
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: { keep: (file) => /^cli([\\/]|$)/.test(file) },
    },
    resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'] },
    module: { rules: [swcRule(production)] },
    plugins: [
      // The shared runtime's one page (manifest: <Runtime>, custom functions' <Page>, <FunctionFile>):
      // the ribbon's function file runs here, and the task pane's entry associates the custom functions.
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['commands', 'taskpane'],
        chunksSortMode: 'manual',
        inject: 'body', // after the office.js <script> in <head>
        scriptLoading: 'blocking',
      }),
      new FunctionsMetadataPlugin(),
      new CopyWebpackPlugin({ patterns: copyPatterns(baseUrl) }),
    ],
    performance: { hints: production ? 'warning' : false, maxEntrypointSize: 450_000, maxAssetSize: 450_000 },
    devServer: serving
      ? {
          port: DEV_PORT,
          host: 'localhost',
          server: await devServerHttps(),
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
};
