// Jest stand-in for `office-addin-manifest` (mapped in jest.config.js).
// office-addin-mock requires it only for the OfficeApp enum, but the real package pulls ESM-only
// dependencies (@microsoft/app-manifest → strip-bom, uuid 14) that Jest's CommonJS runtime on
// Node 20 cannot require. Values mirror office-addin-manifest/lib/officeApp.js.
'use strict';

const OfficeApp = Object.freeze({
  Excel: 'excel',
  OneNote: 'onenote',
  Outlook: 'outlook',
  PowerPoint: 'powerpoint',
  Project: 'project',
  Word: 'word',
});

module.exports = { OfficeApp };
