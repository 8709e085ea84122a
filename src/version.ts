import pkg from '../package.json';

/** Version of the planning pipeline, stored with every run so a shared workbook can be reproduced. */
export const ENGINE_VERSION: string = pkg.version;
