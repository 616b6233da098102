import { describeCliE2e } from './cli-e2e.js';

describeCliE2e('kilo', 'kilo');
