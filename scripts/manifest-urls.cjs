// Points the add-in manifest at the host that serves the built add-in.
// manifest.xml uses DEV_BASE_URL everywhere; the production build (webpack.config.js) and the
// manifest test both call rewriteManifestUrls, so what the test validates is what ships.
'use strict';

const DEV_BASE_URL = 'https://localhost:3000/';
const BASE_URL_ENV = 'SPP_ADDIN_BASE_URL';

/**
 * Checks a deployment base URL and returns it normalised (WHATWG URL serialisation).
 * Office loads add-in pages only over https, and the manifest appends file names directly, so the
 * URL must be absolute https, end with '/', and carry no credentials, query or fragment.
 */
function parseBaseUrl(value) {
  const problem = (why) => new Error(`${BASE_URL_ENV} must be an absolute https URL ending with '/', e.g. https://parts.example.com/addin/ — got ${JSON.stringify(value)}: ${why}`);
  if (typeof value !== 'string' || value.trim() !== value || value === '') throw problem('empty or surrounded by spaces');
  let url;
  try {
    url = new URL(value);
  } catch {
    throw problem('not a URL');
  }
  if (url.protocol !== 'https:') throw problem('Office add-ins must be served over https');
  if (url.username || url.password) throw problem('credentials do not belong in a manifest');
  if (url.search || url.hash || value.includes('?') || value.includes('#')) throw problem('no query or fragment allowed');
  if (!value.endsWith('/')) throw problem("it must end with '/'");
  return url.href;
}

/**
 * The base URL for this build: SPP_ADDIN_BASE_URL when set (validated), otherwise localhost with a
 * warning, because a manifest pointing at localhost only works on the developer's machine.
 */
function resolveBaseUrl(env = process.env) {
  const raw = env[BASE_URL_ENV];
  if (raw === undefined || raw === '') {
    return { baseUrl: DEV_BASE_URL, warning: `${BASE_URL_ENV} is not set: the built manifest points to ${DEV_BASE_URL} and only works for local sideloading.` };
  }
  return { baseUrl: parseBaseUrl(raw), warning: undefined };
}

const XML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Replaces every DEV_BASE_URL prefix in the manifest text with baseUrl (validated, XML-escaped). */
function rewriteManifestUrls(manifestXml, baseUrl) {
  const target = parseBaseUrl(baseUrl).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
  return manifestXml.split(DEV_BASE_URL).join(target);
}

module.exports = { DEV_BASE_URL, BASE_URL_ENV, parseBaseUrl, resolveBaseUrl, rewriteManifestUrls };
