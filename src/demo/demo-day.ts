// The day the bundled example was written: the demo shows its rotation status as of then, so the output never drifts.
import type { CalendarDate } from '../core/dates.js';

export const DEMO_DAY: CalendarDate = '2026-11-26';
