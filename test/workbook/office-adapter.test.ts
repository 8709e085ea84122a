/** OfficeWorkbook (Office.js adapter) over a fake Excel that enforces Office.js's batching semantics. */
import { officeHarness } from './office-harness';
import { describePortContract } from './port-contract';

describePortContract('OfficeWorkbook over a fake Excel', officeHarness);
